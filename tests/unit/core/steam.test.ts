import { createHmac } from 'node:crypto';
import Database from 'better-sqlite3';
import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@shared/clock';
import { migrate } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { parseOtpauthUri, formatOtpauthUri } from '../../../electron/core/otp/otpauth-uri';
import { toAccountSpec } from '../../../electron/core/otp/spec';
import { VaultService } from '../../../electron/core/vault/vault-service';

const SECRET = 'JRZCL47CMXVOQMNPZR2F7J4RGI';
const T = 1_700_000_012_345;

/**
 * The test's own oracle, written from Steam Guard's published description (RFC 6238 TOTP with
 * SHA1 and 30 s, the RFC 4226 dynamic truncation, then 5 characters of "23456789BCDFGHJKMNPQRTVWXY",
 * least significant first), to check the app's library-made codes against.
 */
function steamOracle(base32: string, ms: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(ms / 30_000)));
  const mac = createHmac('sha1', Buffer.from(Secret.fromBase32(base32).bytes)).update(counter).digest();
  const offset = mac[19]! & 0x0f;
  let n = mac.readUInt32BE(offset) & 0x7fffffff;
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += '23456789BCDFGHJKMNPQRTVWXY'[n % 26];
    n = Math.floor(n / 26);
  }
  return code;
}

describe('Steam Guard accounts', () => {
  it('show 5 characters of the Steam alphabet, the next one, and when it changes', async () => {
    const db = new Database(':memory:');
    migrate(db, appMigrations);
    const clock = new ManualClock({ now: () => T });
    const vault = new VaultService(db, new MemorySecretStore(), clock, () => []);
    await vault.open();
    const view = await vault.add(toAccountSpec({ type: 'steam', issuer: 'Steam', label: 'gamer', secret: SECRET, digits: 5 }));
    expect(view).toMatchObject({ type: 'steam', digits: 5, period: 30, counter: null });
    expect(view.code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
    expect(view.code).toBe(steamOracle(SECRET, T));
    expect(view.nextCode).toBe(steamOracle(SECRET, T + 30_000));
    expect(view.validUntil).toBe(Math.ceil(T / 30_000) * 30_000);
    clock.advance(30_000);
    expect((await vault.list()).accounts[0]!.code).toBe(steamOracle(SECRET, T + 30_000));
  });

  it('refuses Steam values Steam does not use, rather than showing wrong codes', () => {
    expect(() => toAccountSpec({ type: 'steam', label: 'x', secret: SECRET, digits: 6 })).toThrow(expect.objectContaining({ code: 'otp.unsupported-digits' }));
    expect(() => toAccountSpec({ type: 'steam', label: 'x', secret: SECRET, algorithm: 'SHA256' })).toThrow(expect.objectContaining({ code: 'otp.unsupported-algorithm' }));
    expect(() => toAccountSpec({ type: 'totp', label: 'x', secret: SECRET, digits: 5 })).toThrow(expect.objectContaining({ code: 'otp.unsupported-digits' }));
  });

  it('otpauth: steam type, encoder=steam, issuer Steam; and written back so those apps read it', () => {
    expect(parseOtpauthUri(`otpauth://steam/Steam:gamer?secret=${SECRET}&digits=5`).type).toBe('steam');
    expect(parseOtpauthUri(`otpauth://totp/Valve:g?secret=${SECRET}&encoder=steam`)).toMatchObject({ type: 'steam', issuer: 'Valve', digits: 5 });
    expect(parseOtpauthUri(`otpauth://totp/Steam:g?secret=${SECRET}`).type).toBe('steam');
    const spec = toAccountSpec({ type: 'steam', issuer: 'Steam', label: 'gamer', secret: SECRET });
    const text = formatOtpauthUri(spec);
    expect(text).toMatch(/^otpauth:\/\/steam\/Steam:gamer\?/);
    expect(text).toContain('encoder=steam');
    expect(parseOtpauthUri(text)).toEqual(spec);
  });

  it('migration 005 keeps every row and lets the table hold Steam accounts (and only valid ones)', () => {
    const db = new Database(':memory:');
    migrate(db, appMigrations.slice(0, 4));
    db.prepare("INSERT INTO accounts VALUES ('a', 'hotp', 'I', 'L', 'SHA256', 7, 30, 9, 1, 0, 1)").run();
    expect(() => db.prepare("INSERT INTO accounts VALUES ('s', 'steam', 'Steam', 'g', 'SHA1', 5, 30, 0, 0, 1, 1)").run()).toThrow();
    migrate(db, appMigrations);
    expect(db.prepare('SELECT * FROM accounts').all()).toEqual([{ id: 'a', type: 'hotp', issuer: 'I', label: 'L', algorithm: 'SHA256', digits: 7, period: 30, counter: 9, pinned: 1, position: 0, created_at: 1 }]);
    db.prepare("INSERT INTO accounts VALUES ('s', 'steam', 'Steam', 'g', 'SHA1', 5, 30, 0, 0, 1, 1)").run();
    expect(() => db.prepare("INSERT INTO accounts VALUES ('t', 'totp', 'X', 'y', 'SHA1', 5, 30, 0, 0, 2, 1)").run()).toThrow();
    expect(() => db.prepare("INSERT INTO accounts VALUES ('u', 'steam', 'X', 'y', 'SHA1', 6, 30, 0, 0, 3, 1)").run()).toThrow();
  });
});
