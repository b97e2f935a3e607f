import { describe, expect, it } from 'vitest';
import { KeychainCredentialStore } from '../../../electron/core/session/credential-store';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';

describe('KeychainCredentialStore', () => {
  it('reads the keychain once at start and serves later reads from memory', async () => {
    const keychain = new MemorySecretStore();
    keychain.entries.set('push-devices', '[{"deviceId":"d1"}]');
    const store = await KeychainCredentialStore.open(keychain);
    for (let i = 0; i < 20; i++) expect(store.get('push-devices')).toBe('[{"deviceId":"d1"}]');
    expect(keychain.calls).toEqual({ get: 0, set: 0, delete: 0, list: 1 });
    expect(store.persistent).toBe(true);
  });

  it('writes through in order, so a credential survives a restart and a removal stays removed', async () => {
    const keychain = new MemorySecretStore();
    const first = await KeychainCredentialStore.open(keychain);
    first.set('remembered-device.anna@example.com', 'token-1');
    first.set('remembered-device.anna@example.com', 'token-2');
    first.set('push-devices', 'x');
    first.set('push-devices', null);
    await first.flush();

    const restarted = await KeychainCredentialStore.open(keychain);
    expect(restarted.get('remembered-device.anna@example.com')).toBe('token-2');
    expect(restarted.get('push-devices')).toBeNull();
    expect([...keychain.entries.keys()]).toEqual(['remembered-device.anna@example.com']);
  });

  it('keeps credentials in memory only, never in plaintext elsewhere, when the keychain is locked', async () => {
    const keychain = new MemorySecretStore();
    keychain.failWith = 'keychain.locked';
    const store = await KeychainCredentialStore.open(keychain);
    expect(store.persistent).toBe(false);
    store.set('push-devices', 'x');
    await store.flush();
    expect(store.get('push-devices')).toBe('x');
    expect(keychain.calls.set).toBe(0);
  });

  it('reports a failed write and keeps the value for this run', async () => {
    const keychain = new MemorySecretStore();
    const errors: unknown[] = [];
    const store = await KeychainCredentialStore.open(keychain, (e) => errors.push(e));
    keychain.failWith = 'keychain.unavailable';
    store.set('push-devices', 'x');
    await store.flush();
    expect(errors).toEqual([expect.objectContaining({ code: 'keychain.unavailable' })]);
    expect(store.get('push-devices')).toBe('x');
  });

  it('stops calling itself persistent once a write fails (it said true while every write failed), and catches up when the keychain is back', async () => {
    const keychain = new MemorySecretStore();
    keychain.entries.set('push-devices', 'kept');
    const store = await KeychainCredentialStore.open(keychain);
    keychain.failWith = 'keychain.locked';
    store.set('session', 'karin');
    await store.flush();
    expect(store.persistent).toBe(false);
    expect(await store.reconnect()).toBe(false);
    keychain.failWith = null;
    expect(await store.reconnect()).toBe(true);
    expect(keychain.entries.get('session')).toBe('karin');
    expect(keychain.entries.get('push-devices')).toBe('kept');
  });

  it('opened while locked, it reads the keychain back on recovery for keys this run did not change', async () => {
    const keychain = new MemorySecretStore();
    keychain.entries.set('push-devices', 'from-before');
    keychain.entries.set('session', 'old');
    keychain.failWith = 'keychain.locked';
    const store = await KeychainCredentialStore.open(keychain);
    store.set('session', null);
    await store.flush();
    keychain.failWith = null;
    store.set('remembered', 'r');
    await store.flush();
    expect(store.persistent).toBe(true);
    expect(store.get('push-devices')).toBe('from-before');
    expect(Object.fromEntries(keychain.entries)).toEqual({ 'push-devices': 'from-before', remembered: 'r' });
  });

  it('clear() empties memory and the keychain', async () => {
    const keychain = new MemorySecretStore();
    keychain.entries.set('a', '1');
    keychain.entries.set('b', '2');
    const store = await KeychainCredentialStore.open(keychain);
    await store.clear();
    expect(store.get('a')).toBeNull();
    expect(keychain.entries.size).toBe(0);
  });
});
