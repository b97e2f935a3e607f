import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { TOTP } from 'otpauth';
import { ManualClock } from '@shared/clock';
import { migrate } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { toAccountSpec } from '../../../electron/core/otp/spec';
import { VaultService } from '../../../electron/core/vault/vault-service';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const noUri = () => [];

function setup() {
  const db = new Database(':memory:');
  migrate(db, appMigrations);
  const store = new MemorySecretStore();
  const clock = new ManualClock({ now: () => 1_700_000_000_000 });
  const vault = new VaultService(db, store, clock, noUri);
  return { db, store, clock, vault, reopen: () => new VaultService(db, store, clock, noUri) };
}

describe('VaultService', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(async () => {
    s = setup();
    await s.vault.open();
  });

  it('keeps the secret in the keychain only and returns the right code', async () => {
    const view = await s.vault.add(toAccountSpec({ issuer: 'GitHub', label: 'anna', secret: SECRET }));
    expect(s.store.entries.get(view.id)).toBe(SECRET);
    expect(JSON.stringify(s.db.prepare('SELECT * FROM accounts').all())).not.toContain(SECRET);
    expect(JSON.stringify(view)).not.toContain(SECRET);
    const expected = new TOTP({ secret: SECRET }).generate({ timestamp: s.clock.now() });
    expect(view.code).toBe(expected);
    expect(view.validUntil! - s.clock.now()).toBeLessThanOrEqual(30_000);
  });

  it('reads the keychain once at start, not on every tick', async () => {
    await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    const before = { ...s.store.calls };
    for (let i = 0; i < 50; i++) {
      s.clock.advance(1000);
      await s.vault.list();
    }
    expect(s.store.calls).toEqual(before);
  });

  it('refuses a duplicate by secret, but allows the same name with another secret (two tenants)', async () => {
    await s.vault.add(toAccountSpec({ issuer: 'GitHub', label: 'anna', secret: SECRET }));
    await expect(s.vault.add(toAccountSpec({ issuer: 'Other', label: 'x', secret: SECRET }))).rejects.toMatchObject({
      code: 'vault.duplicate-account',
    });
    await expect(
      s.vault.add(toAccountSpec({ issuer: 'github', label: 'ANNA', secret: 'GEZDGNBVGY3TQOJQGEZDGNBV' })),
    ).resolves.toMatchObject({ issuer: 'github' });
    expect((await s.vault.list()).accounts).toHaveLength(2);
  });

  it('renames, pins and reorders', async () => {
    const a = await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    const b = await s.vault.add(toAccountSpec({ issuer: 'B', label: 'b', secret: 'GEZDGNBVGY3TQOJQGEZDGNBV' }));
    s.vault.reorder([b.id, a.id]);
    expect((await s.vault.list()).accounts.map((x) => x.issuer)).toEqual(['B', 'A']);
    s.vault.setPinned(a.id, true);
    s.vault.rename(a.id, 'Acme', 'anna@acme');
    expect((await s.vault.list()).accounts[0]).toMatchObject({ issuer: 'Acme', label: 'anna@acme', pinned: true });
  });

  it('finishes an add interrupted after the keychain write (crash before SQLite)', async () => {
    // Replay the crash precisely: intent recorded and keychain written, but no account row.
    const s2 = setup();
    await s2.vault.open();
    const view = toAccountSpec({ issuer: 'Crash', label: 'c', secret: SECRET });
    s2.db
      .prepare(
        "INSERT INTO vault_intents (account_id, op, payload, created_at) VALUES ('11111111-1111-4111-8111-111111111111', 'add', ?, 0)",
      )
      .run(
        JSON.stringify({
          ...view,
          secret: undefined,
          id: '11111111-1111-4111-8111-111111111111',
          pinned: false,
          position: 0,
          createdAt: 0,
        }),
      );
    s2.store.entries.set('11111111-1111-4111-8111-111111111111', SECRET);
    const after = s2.reopen();
    await after.open();
    const list = await after.list();
    expect(list.accounts.map((a) => a.issuer)).toEqual(['Crash']);
    expect(list.accounts[0]!.code).toBe(new TOTP({ secret: SECRET }).generate({ timestamp: s2.clock.now() }));
    expect(s2.db.prepare('SELECT COUNT(*) AS n FROM vault_intents').get()).toEqual({ n: 0 });
  });

  it('rolls back an add interrupted before the keychain write', async () => {
    s.db
      .prepare(
        "INSERT INTO vault_intents (account_id, op, payload, created_at) VALUES ('22222222-2222-4222-8222-222222222222', 'add', '{}', 0)",
      )
      .run();
    const after = s.reopen();
    await after.open();
    expect((await after.list()).accounts).toEqual([]);
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM vault_intents').get()).toEqual({ n: 0 });
  });

  it('completes a delete interrupted between SQLite and the keychain', async () => {
    const a = await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    s.store.failWith = 'keychain.unavailable';
    await s.vault.delete(a.id); // row gone, keychain delete failed, intent kept
    expect(s.store.entries.has(a.id)).toBe(true);
    s.store.failWith = null;
    const after = s.reopen();
    await after.open();
    expect(s.store.entries.has(a.id)).toBe(false);
    expect((await after.list()).accounts).toEqual([]);
  });

  it('removes orphaned keychain entries with no row and no intent', async () => {
    s.store.entries.set('33333333-3333-4333-8333-333333333333', SECRET);
    await s.reopen().open();
    expect(s.store.entries.size).toBe(0);
  });

  it('reports a locked keychain instead of falling back to plaintext', async () => {
    s.store.failWith = 'keychain.locked';
    const v = s.reopen();
    expect(await v.open()).toBe('locked');
    expect((await v.list()).keychain).toBe('locked');
    await expect(v.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }))).rejects.toMatchObject({ code: 'keychain.locked' });
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM accounts').get()).toEqual({ n: 0 });
  });

  it('10 identical adds at once give 1 account and 9 duplicates (the duplicate check ran before the awaited keychain write)', async () => {
    const spec = () => toAccountSpec({ issuer: 'GitHub', label: 'anna', secret: SECRET });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => s.vault.add(spec())));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r.reason as { code?: unknown }).code)).toEqual(
      Array(9).fill('vault.duplicate-account'),
    );
    expect((await s.vault.list()).accounts).toHaveLength(1);
    expect(s.store.entries.size).toBe(1);
  });

  it('a keychain write that fails after a good start turns the state to locked (adds did not fail silently under ok)', async () => {
    await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    s.store.failWith = 'keychain.locked';
    await expect(s.vault.add(toAccountSpec({ issuer: 'B', label: 'b', secret: 'GEZDGNBVGY3TQOJQGEZDGNBV' }))).rejects.toMatchObject({
      code: 'keychain.locked',
    });
    const listed = await s.vault.list();
    expect(listed.keychain).toBe('locked');
    expect(listed.accounts.every((a) => a.code !== '')).toBe(true);
    s.store.failWith = null;
    expect((await s.vault.list()).keychain).toBe('ok');
  });

  it('one keychain refusal during deletes does not refuse the next write once the keychain answers again', async () => {
    const a = await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    const b = await s.vault.add(toAccountSpec({ issuer: 'B', label: 'b', secret: 'GEZDGNBVGY3TQOJQGEZDGNBV' }));
    // A transient refusal (a D-Bus call timing out under load): the row goes, the keychain entry
    // waits under its intent for the next open.
    s.store.failWith = 'keychain.unavailable';
    await s.vault.delete(a.id);
    s.store.failWith = null;
    // The next write opens the keychain again first (as a list does) instead of refusing on the old state.
    await s.vault.delete(b.id);
    const listed = await s.vault.list();
    expect(listed.keychain).toBe('ok');
    expect(listed.accounts).toEqual([]);
    expect(s.store.entries.size).toBe(0);
  });

  it('advances an HOTP counter and shows the code for it', async () => {
    const h = await s.vault.add(toAccountSpec({ type: 'hotp', issuer: 'H', label: 'h', secret: SECRET, counter: 5 }));
    expect(h.counter).toBe(5);
    const next = s.vault.nextHotp(h.id);
    expect(next.counter).toBe(6);
    expect(next.code).not.toBe(h.code);
  });
});
