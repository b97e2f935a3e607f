import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-secret-store';
import { SecretServiceProbe } from '../../electron/core/secrets/secret-service-probe';

/**
 * Runs against the real OS keychain (on Linux: gnome-keyring over D-Bus, started by
 * scripts/with-session.mjs). A unique service name keeps it away from real data.
 */
const service = `Flex HRM Connect test ${randomUUID()}`;
const store = new KeytarSecretStore(service);

describe('KeytarSecretStore against the real Secret Service', () => {
  afterAll(async () => {
    for (const { key } of await store.list()) await store.delete(key);
  });

  it('stores, lists, reads and deletes secrets', async () => {
    await store.set('acc-1', 'JBSWY3DPEHPK3PXP');
    await store.set('acc-2', 'GEZDGNBVGY3TQOJQ');
    expect(await store.get('acc-1')).toBe('JBSWY3DPEHPK3PXP');
    expect((await store.list()).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'acc-1', value: 'JBSWY3DPEHPK3PXP' },
      { key: 'acc-2', value: 'GEZDGNBVGY3TQOJQ' },
    ]);
    expect(await store.delete('acc-1')).toBe(true);
    expect(await store.get('acc-1')).toBeNull();
    expect(await store.delete('acc-1')).toBe(false);
  });

  it('overwrites in place', async () => {
    await store.set('acc-3', 'one');
    await store.set('acc-3', 'two');
    expect(await store.get('acc-3')).toBe('two');
  });

  it('reports a Secret Service that goes away under keytar as keychain.unavailable, not a crash', async () => {
    // keytar rejects with libsecret's D-Bus error when the service vanishes between the probe and
    // the call; the store maps it, on every call, with and without the Linux probe.
    const gone = () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files'));
    const keytarDouble = () => ({ findCredentials: gone, getPassword: gone, setPassword: gone, deletePassword: gone }) as never;
    for (const probe of [null, new SecretServiceProbe()]) {
      const broken = new KeytarSecretStore(service, probe, keytarDouble);
      await expect(broken.list()).rejects.toMatchObject({ code: 'keychain.unavailable' });
      await expect(broken.get('acc-2')).rejects.toMatchObject({ code: 'keychain.unavailable' });
      await expect(broken.set('acc-9', 'x')).rejects.toMatchObject({ code: 'keychain.unavailable' });
    }
  });

  it('reports no session bus, or a bus without a Secret Service, as keychain.unavailable before keytar is called', async () => {
    const noBus = new KeytarSecretStore(service, new SecretServiceProbe(() => 'unix:path=/nonexistent/bus'));
    await expect(noBus.list()).rejects.toMatchObject({ code: 'keychain.unavailable' });
    await expect(new KeytarSecretStore(service, new SecretServiceProbe(() => undefined)).set('k', 'v')).rejects.toMatchObject({
      code: 'keychain.unavailable',
    });
  });
});
