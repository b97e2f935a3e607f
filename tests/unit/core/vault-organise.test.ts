import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { TOTP } from 'otpauth';
import { ManualClock } from '@shared/clock';
import { AppError } from '@shared/result';
import { migrate } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { toAccountSpec } from '../../../electron/core/otp/spec';
import { VaultService } from '../../../electron/core/vault/vault-service';
import { normalizeGroups } from '../../../electron/core/vault/groups';

/** Issue 12: editing an account, groups, "recently used", and the lock's hook on codes. */
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const REISSUED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

function setup() {
  const db = new Database(':memory:');
  migrate(db, appMigrations);
  const store = new MemorySecretStore();
  const clock = new ManualClock({ now: () => 1_700_000_000_000 });
  const vault = new VaultService(db, store, clock, () => []);
  return { db, store, clock, vault, reopen: () => new VaultService(db, store, clock, () => []) };
}

describe('vault: edit, groups, recently used', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(async () => {
    s = setup();
    await s.vault.open();
  });

  it('edits issuer and label only, keeping the secret and codes', async () => {
    const a = await s.vault.add(toAccountSpec({ issuer: 'GitHub', label: 'anna', secret: SECRET }));
    const edited = await s.vault.edit({ id: a.id, issuer: ' GitHub Enterprise ', label: 'anna@corp' });
    expect(edited).toMatchObject({ issuer: 'GitHub Enterprise', label: 'anna@corp', code: a.code });
    expect(s.store.entries.get(a.id)).toBe(SECRET);
  });

  it('a re-issued secret replaces the old one (keychain and codes), and survives a restart', async () => {
    const a = await s.vault.add(toAccountSpec({ issuer: 'GitHub', label: 'anna', secret: SECRET }));
    const edited = await s.vault.edit({ id: a.id, issuer: 'GitHub', label: 'anna', secret: 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq' });
    expect(s.store.entries.get(a.id)).toBe(REISSUED);
    expect(edited.code).toBe(new TOTP({ secret: REISSUED }).generate({ timestamp: s.clock.now() }));
    expect(JSON.stringify(edited)).not.toContain(REISSUED);
    const again = s.reopen();
    await again.open();
    expect((await again.list()).accounts[0]?.code).toBe(edited.code);
  });

  it('changes algorithm, digits and period, checked like a new account', async () => {
    const a = await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    const edited = await s.vault.edit({ id: a.id, issuer: 'A', label: 'a', algorithm: 'SHA256', digits: 8, period: 60 });
    expect(edited).toMatchObject({ algorithm: 'SHA256', digits: 8, period: 60 });
    expect(edited.code).toBe(
      new TOTP({ secret: SECRET, algorithm: 'SHA256', digits: 8, period: 60 }).generate({ timestamp: s.clock.now() }),
    );
    await expect(s.vault.edit({ id: a.id, issuer: 'A', label: 'a', digits: 5 })).rejects.toMatchObject({ code: 'otp.unsupported-digits' });
    await expect(s.vault.edit({ id: a.id, issuer: 'A', label: 'a', secret: 'not base32!' })).rejects.toMatchObject({
      code: 'otp.secret-invalid-base32',
    });
    await expect(s.vault.edit({ id: a.id, issuer: ' ', label: '' })).rejects.toMatchObject({ code: 'otp.name-missing' });
    // Nothing of the refused edits was kept.
    expect((await s.vault.list()).accounts[0]).toMatchObject({ issuer: 'A', digits: 8 });
    expect(s.store.entries.get(a.id)).toBe(SECRET);
  });

  it("refuses another account's secret as the new one, and an unknown id", async () => {
    const a = await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    await s.vault.add(toAccountSpec({ issuer: 'B', label: 'b', secret: REISSUED }));
    await expect(s.vault.edit({ id: a.id, issuer: 'A', label: 'a', secret: REISSUED })).rejects.toMatchObject({
      code: 'vault.duplicate-account',
      params: { issuer: 'B' },
    });
    expect(s.store.entries.get(a.id)).toBe(SECRET);
    await expect(s.vault.edit({ id: '00000000-0000-4000-8000-000000000000', issuer: 'x', label: 'y' })).rejects.toMatchObject({
      code: 'vault.not-found',
    });
  });

  it('a keychain that refuses the new secret changes nothing', async () => {
    const a = await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    s.store.failWith = 'keychain.locked';
    await expect(s.vault.edit({ id: a.id, issuer: 'Renamed', label: 'a', secret: REISSUED, digits: 8 })).rejects.toMatchObject({
      code: 'keychain.locked',
    });
    expect(s.store.entries.get(a.id)).toBe(SECRET);
    expect(s.db.prepare('SELECT issuer, digits FROM accounts').get()).toEqual({ issuer: 'A', digits: 6 });
  });

  it('files accounts under groups, normalised, and keeps them across a restart', async () => {
    const a = await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    expect(a.groups).toEqual([]);
    s.vault.setGroups(a.id, [' Work ', 'work', '', 'Private  life']);
    const again = s.reopen();
    await again.open();
    expect((await again.list()).accounts[0]?.groups).toEqual(['Work', 'Private life']);
    expect(() => s.vault.setGroups('00000000-0000-4000-8000-000000000000', ['x'])).toThrow(
      expect.objectContaining({ code: 'vault.not-found' }),
    );
  });

  it('markUsed records when a code was last used', async () => {
    const a = await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    expect(a.lastUsedAt).toBeNull();
    s.clock.advance(5000);
    s.vault.markUsed(a.id);
    expect((await s.vault.list()).accounts[0]?.lastUsedAt).toBe(1_700_000_005_000);
  });

  it('the lock guard stops every code: list, copy, HOTP next and edit', async () => {
    const a = await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    const h = await s.vault.add(toAccountSpec({ type: 'hotp', issuer: 'H', label: 'h', secret: REISSUED }));
    let locked = true;
    s.vault.guardCodes(() => {
      if (locked) throw new AppError('lock.locked');
    });
    await expect(s.vault.list()).rejects.toMatchObject({ code: 'lock.locked' });
    await expect(s.vault.codes([a.id])).rejects.toMatchObject({ code: 'lock.locked' });
    expect(() => s.vault.currentCode(a.id)).toThrow(expect.objectContaining({ code: 'lock.locked' }));
    expect(() => s.vault.nextHotp(h.id)).toThrow(expect.objectContaining({ code: 'lock.locked' }));
    await expect(s.vault.edit({ id: a.id, issuer: 'B', label: 'b' })).rejects.toMatchObject({ code: 'lock.locked' });
    expect(() => s.vault.specsForTransfer([a.id])).toThrow(expect.objectContaining({ code: 'lock.locked' }));
    expect(s.db.prepare('SELECT counter FROM accounts WHERE id = ?').get(h.id)).toEqual({ counter: 0 });
    locked = false;
    expect((await s.vault.list()).accounts).toHaveLength(2);
  });
});

describe('vault: specs for transfer out', () => {
  it('gives the accounts with their secrets, in the order asked; an unknown id is refused', async () => {
    const s = setup();
    await s.vault.open();
    const a = await s.vault.add(toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }));
    const b = await s.vault.add(toAccountSpec({ type: 'hotp', issuer: 'B', label: 'b', secret: REISSUED, counter: 3 }));
    expect(s.vault.specsForTransfer([b.id, a.id])).toEqual([
      toAccountSpec({ type: 'hotp', issuer: 'B', label: 'b', secret: REISSUED, counter: 3 }),
      toAccountSpec({ issuer: 'A', label: 'a', secret: SECRET }),
    ]);
    expect(() => s.vault.specsForTransfer(['00000000-0000-4000-8000-000000000000'])).toThrow(
      expect.objectContaining({ code: 'vault.not-found' }),
    );
  });
});

describe('normalizeGroups', () => {
  it('trims, collapses spaces, drops empty and repeated names, caps length and count', () => {
    expect(normalizeGroups(['  a  b ', 'A B', '', '   ', 'x'.repeat(50)])).toEqual(['a b', 'x'.repeat(40)]);
    expect(normalizeGroups(Array.from({ length: 30 }, (_, i) => `g${i}`))).toHaveLength(20);
  });
});

describe('migration 006', () => {
  it('adds groups and last use to rows written before it', () => {
    const db = new Database(':memory:');
    migrate(db, appMigrations.slice(0, 5));
    db.prepare(
      `INSERT INTO accounts (id, type, issuer, label, algorithm, digits, period, counter, pinned, position, created_at)
       VALUES ('00000000-0000-4000-8000-000000000001', 'totp', 'A', 'a', 'SHA1', 6, 30, 0, 0, 0, 1)`,
    ).run();
    migrate(db, appMigrations);
    expect(db.prepare('SELECT groups, last_used_at FROM accounts').get()).toEqual({ groups: '[]', last_used_at: null });
  });
});
