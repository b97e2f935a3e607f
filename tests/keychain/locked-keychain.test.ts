import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '@shared/clock';
import { migrate } from '../../electron/core/db/migrations';
import { appMigrations } from '../../electron/core/db/app-migrations';
import { toAccountSpec } from '../../electron/core/otp/spec';
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-secret-store';
import { KeychainCredentialStore } from '../../electron/core/session/credential-store';
import { VaultService } from '../../electron/core/vault/vault-service';
import { lockLogin, loginLocked, unlockLogin } from './support/keyring-lock';

/**
 * Issue 10, item 1, against the real gnome-keyring login collection, locked with the Secret
 * Service's own Lock method: keytar's findCredentials used to SIGSEGV inside libsecret when an
 * item of ours sat in the locked collection, and with none stored the vault said 'ok' while
 * every add failed.
 */
const ROOT = join(import.meta.dirname, '../..');
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const dirs: string[] = [];
const stores: KeytarSecretStore[] = [];

function fresh() {
  const service = `Flex HRM Connect locked test ${randomUUID()}`;
  const secrets = new KeytarSecretStore(service);
  const credentials = new KeytarSecretStore(`${service} credentials`);
  stores.push(secrets, credentials);
  const dataDir = mkdtempSync(join(tmpdir(), 'flex-locked-'));
  dirs.push(dataDir);
  return { service, secrets, credentials, dataDir };
}

function startChild(service: string, dataDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/keychain/support/start-against-keychain.ts', service, dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  return {
    status: r.status,
    signal: r.signal,
    stderr: r.stderr,
    answer: line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : null,
  };
}

describe('a locked login collection (real gnome-keyring)', () => {
  beforeEach(async () => {
    if (loginLocked()) await unlockLogin();
  });
  afterEach(async () => {
    if (loginLocked()) await unlockLogin();
  });
  afterAll(async () => {
    for (const s of stores) for (const { key } of await s.list()) await s.delete(key);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('does not kill the process at start with one account stored (was SIGSEGV in keytar.findCredentials): it answers locked', async () => {
    const { service, dataDir } = fresh();
    // One account stored while unlocked, by the app's own start path.
    const db = new Database(join(dataDir, 'app.db'));
    migrate(db, appMigrations);
    const vault = new VaultService(db, new KeytarSecretStore(service), systemClock, () => []);
    await vault.open();
    await vault.add(toAccountSpec({ issuer: 'GitHub', label: 'karin', secret: SECRET }));
    db.close();
    expect(startChild(service, dataDir).answer).toEqual({ keychain: 'ok', accounts: 1, credentialsPersistent: true });

    lockLogin();
    const locked = startChild(service, dataDir);
    expect({ status: locked.status, signal: locked.signal }, locked.stderr).toEqual({ status: 0, signal: null });
    expect(locked.answer).toEqual({ keychain: 'locked', accounts: 1, credentialsPersistent: false });
  });

  it('reports locked with no item stored (was ok while every add failed), refuses adds, and recovers on Retry once unlocked', async () => {
    const { secrets, dataDir } = fresh();
    const db = new Database(join(dataDir, 'app.db'));
    migrate(db, appMigrations);
    lockLogin();
    const vault = new VaultService(db, secrets, systemClock, () => []);
    expect(await vault.open()).toBe('locked');
    expect((await vault.list()).keychain).toBe('locked');
    await expect(vault.add(toAccountSpec({ issuer: 'GitHub', label: 'karin', secret: SECRET }))).rejects.toMatchObject({
      code: 'keychain.locked',
    });
    expect((await vault.list()).accounts).toEqual([]);

    await unlockLogin();
    // Retry on the locked screen is a vault.listAccounts: it re-checks, no restart.
    expect((await vault.list()).keychain).toBe('ok');
    const added = await vault.add(toAccountSpec({ issuer: 'GitHub', label: 'karin', secret: SECRET }));
    expect(await secrets.get(added.id)).toBe(SECRET);
    db.close();
  });

  it('turns locked when the collection is locked after a good start: adds fail as locked, not silently, until unlocked', async () => {
    const { secrets, dataDir } = fresh();
    const db = new Database(join(dataDir, 'app.db'));
    migrate(db, appMigrations);
    const vault = new VaultService(db, secrets, systemClock, () => []);
    expect(await vault.open()).toBe('ok');
    const first = await vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    lockLogin();
    await expect(vault.add(toAccountSpec({ issuer: 'B', label: 'b', secret: 'GEZDGNBVGY3TQOJQGEZDGNBV' }))).rejects.toMatchObject({
      code: 'keychain.locked',
    });
    const listed = await vault.list();
    expect(listed.keychain).toBe('locked');
    // Codes already read stay usable; nothing was half-written.
    expect(listed.accounts.map((a) => [a.id, a.code !== ''])).toEqual([[first.id, true]]);
    await unlockLogin();
    expect((await vault.list()).keychain).toBe('ok');
    db.close();
  });

  it('the credential store does not call itself persistent while its writes fail, and writes this run’s changes once unlocked', async () => {
    const { credentials } = fresh();
    await credentials.set('push-devices', 'before');
    lockLogin();
    const store = await KeychainCredentialStore.open(credentials);
    expect(store.persistent).toBe(false);
    store.set('session', 'karin');
    await store.flush();
    expect(store.persistent).toBe(false);

    await unlockLogin();
    expect(await store.reconnect()).toBe(true);
    expect(store.get('push-devices')).toBe('before');
    expect(await credentials.get('session')).toBe('karin');

    // Locked after a good start: the first failed write turns persistent off.
    lockLogin();
    store.set('session', 'lena');
    await store.flush();
    expect(store.persistent).toBe(false);
    await unlockLogin();
    store.set('push-devices', 'after');
    await store.flush();
    expect(store.persistent).toBe(true);
    expect(await credentials.get('session')).toBe('lena');
    expect(await credentials.get('push-devices')).toBe('after');
  });
});
