import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as KeytarModule from 'keytar';
import { KeytarSecretStore } from '../../../electron/core/secrets/keytar-secret-store';

/**
 * Found by the audit's lock toggling (audit/keychain-locked.ts): a keytar call that the keychain
 * never answers (an unlock prompt nobody sees) holds one of libuv's four pool threads; the
 * processes kept starting more such calls until the pool (shared with fs, crypto and argon2) was
 * gone and they hung. Now one stuck call makes every other native call fail at once as locked,
 * until it returns.
 */
function fakeKeytar() {
  let release: (v: string | null) => void = () => {};
  const calls: string[] = [];
  const keytar = {
    getPassword: vi.fn((_s: string, account: string) => {
      calls.push(account);
      return account === 'stuck' ? new Promise<string | null>((r) => (release = r)) : Promise.resolve(`value of ${account}`);
    }),
  } as unknown as typeof KeytarModule;
  return { keytar, calls, release: (v: string | null) => release(v) };
}

describe('a native keychain call that never returns', () => {
  afterEach(() => vi.useRealTimers());

  it('counts as locked after 20 s, and while it is stuck no other native call starts', async () => {
    vi.useFakeTimers();
    const fake = fakeKeytar();
    const vault = new KeytarSecretStore('vault', null, () => fake.keytar);
    const credentials = new KeytarSecretStore('credentials', null, () => fake.keytar);

    const stuck = vault.get('stuck');
    const settled = expect(stuck).rejects.toMatchObject({ code: 'keychain.locked' });
    await vi.advanceTimersByTimeAsync(20_000);
    await settled;

    // Any store of this process: refused at once, keytar not called.
    await expect(credentials.get('other')).rejects.toMatchObject({ code: 'keychain.locked' });
    await expect(vault.get('other')).rejects.toMatchObject({ code: 'keychain.locked' });
    expect(fake.calls).toEqual(['stuck']);

    // Once libsecret lets go of the stuck call, calls go through again (Retry works).
    fake.release(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(await vault.get('other')).toBe('value of other');
  });
});
