import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HOTP, Secret } from 'otpauth';
import { ManualClock } from '@shared/clock';
import { migrate } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { toAccountSpec } from '../../../electron/core/otp/spec';
import { CodeGenerator } from '../../../electron/core/vault/codes';
import { VaultService } from '../../../electron/core/vault/vault-service';

// RFC 4226 Appendix D: the ASCII secret "12345678901234567890", 6 digits, counters 0..9.
const RFC4226_SECRET = Secret.fromUTF8('12345678901234567890').base32;
const RFC4226 = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

describe('HOTP codes', () => {
  it('match the RFC 4226 test vectors', () => {
    const gen = new CodeGenerator(RFC4226_SECRET);
    RFC4226.forEach((expected, counter) => {
      expect(gen.hotp({ type: 'hotp', algorithm: 'SHA1', digits: 6, period: 30, counter }), `counter ${counter}`).toBe(expected);
    });
    // And otpauth agrees with itself through validate (the look-ahead window the server side uses).
    expect(new HOTP({ secret: Secret.fromBase32(RFC4226_SECRET) }).validate({ token: RFC4226[7]!, counter: 5, window: 3 })).toBe(2);
  });

  it('"Next code" moves the counter on, and the counter survives the vault being opened again', async () => {
    const db = new Database(':memory:');
    migrate(db, appMigrations);
    const store = new MemorySecretStore();
    const clock = new ManualClock({ now: () => 1_700_000_000_000 });
    const vault = new VaultService(db, store, clock, () => []);
    await vault.open();
    const added = await vault.add(toAccountSpec({ type: 'hotp', issuer: 'Bank', label: 'anna', secret: RFC4226_SECRET, counter: 0 }));
    expect(added).toMatchObject({ type: 'hotp', counter: 0, code: RFC4226[0], validUntil: null, nextCode: null });
    expect(vault.currentCode(added.id)).toBe(RFC4226[0]);
    expect(vault.nextHotp(added.id)).toMatchObject({ counter: 1, code: RFC4226[1] });
    expect(vault.nextHotp(added.id)).toMatchObject({ counter: 2, code: RFC4226[2] });

    // A restart: a new service on the same app.db and keychain.
    const reopened = new VaultService(db, store, clock, () => []);
    await reopened.open();
    const [account] = (await reopened.list()).accounts;
    expect(account).toMatchObject({ counter: 2, code: RFC4226[2] });
    // Copying does not move the counter; only "Next code" does.
    expect(reopened.currentCode(added.id)).toBe(RFC4226[2]);
    expect(reopened.nextHotp(added.id)).toMatchObject({ counter: 3, code: RFC4226[3] });
  });

  it('refuses "Next code" for a TOTP account or an unknown id', async () => {
    const db = new Database(':memory:');
    migrate(db, appMigrations);
    const vault = new VaultService(db, new MemorySecretStore(), new ManualClock(), () => []);
    await vault.open();
    const totp = await vault.add(toAccountSpec({ issuer: 'T', label: 't', secret: RFC4226_SECRET }));
    expect(() => vault.nextHotp(totp.id)).toThrow(expect.objectContaining({ code: 'vault.not-found' }));
    expect(() => vault.nextHotp('7b0c2f4e-0000-4000-8000-000000000000')).toThrow(expect.objectContaining({ code: 'vault.not-found' }));
  });
});
