import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-secret-store';
import { KeychainCredentialStore } from '../../electron/core/session/credential-store';

/** The session's credentials in the real Secret Service: written through, back after a restart. */
const keychain = new KeytarSecretStore(`Flex HRM Connect test credentials ${randomUUID()}`);

describe('KeychainCredentialStore against the real Secret Service', () => {
  afterAll(async () => {
    for (const { key } of await keychain.list()) await keychain.delete(key);
  });

  it('keeps the push-device credential across a restart, and forgets it on clear()', async () => {
    const first = await KeychainCredentialStore.open(keychain);
    expect(first.persistent).toBe(true);
    first.set('push-devices', '[{"deviceId":"d1","credential":"c1"}]');
    await first.flush();

    const restarted = await KeychainCredentialStore.open(keychain);
    expect(restarted.get('push-devices')).toBe('[{"deviceId":"d1","credential":"c1"}]');
    await restarted.clear();
    expect(await keychain.list()).toEqual([]);
  });
});
