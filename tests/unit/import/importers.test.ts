import { describe, expect, it } from 'vitest';
import { readExport } from '../../../electron/core/import';
import type { OtpAccountSpec } from '../../../electron/core/otp/spec';
import { ALL, STEAM, VECTORS, aegisEncrypted, aegisPlain, andOtp, bitwarden, enteText, twofasEncrypted, twofasPlain, uri, type Vector } from './fixtures';

/**
 * Every importer against files made the way the apps write them (./fixtures.ts cites each format's
 * source). The importers were also run by hand against real exports (Aegis's importer test
 * resources, /work/shared/interop-data, read in place): every entry there is read, Steam included.
 */
const view = (a: OtpAccountSpec): Vector => ({ type: a.type, issuer: a.issuer, label: a.label, secret: a.secret, algorithm: a.algorithm, digits: a.digits, period: a.type === 'hotp' ? 30 : a.period, counter: a.counter });
const enc = (s: string) => new TextEncoder().encode(s);

async function rejection(p: Promise<unknown>): Promise<{ code: string; params?: unknown }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err as { code: string; params?: unknown },
  );
  if (!e) throw new Error('expected a rejection');
  return { code: e.code, ...(e.params === undefined ? {} : { params: e.params }) };
}

describe('readExport: every format detected from the content, every entry an account (Steam too)', () => {
  it.each([
    ['Aegis plain', () => aegisPlain(), undefined, 'aegis'],
    ['Aegis encrypted', () => aegisEncrypted('correct horse'), 'correct horse', 'aegis'],
    ['2FAS plain', () => twofasPlain(), undefined, '2fas'],
    ['2FAS encrypted', () => twofasEncrypted('correct horse'), 'correct horse', '2fas'],
    ['andOTP', () => andOtp(), undefined, 'andotp'],
    ['Ente Auth plain text', () => enteText(), undefined, 'otpauth-list'],
    ['otpauth lines', () => enc(ALL.map((v) => uri(v)).join('\r\n')), undefined, 'otpauth-list'],
  ] as const)('%s: all accounts with every field, nothing reported', async (_name, make, password, format) => {
    const out = await readExport(make(), password);
    expect(out.format).toBe(format);
    expect(out.accounts.map(view)).toEqual(ALL);
    expect(out.unsupported).toEqual([]);
  });

  it('Bitwarden: login.totp as an otpauth URI, a bare secret (item name as issuer, username as label) and steam://', async () => {
    const out = await readExport(
      bitwarden([
        { name: 'Northwind', totp: uri(VECTORS[0]!) },
        { name: 'GitHub', username: 'anna@example.com', totp: 'JBSW Y3DP EHPK 3PXP' },
        { name: 'Steam', totp: `steam://${STEAM.secret}` },
        { name: 'No 2FA', totp: null },
      ]),
    );
    expect(out.format).toBe('bitwarden');
    expect(out.accounts.map((a) => [a.type, a.issuer, a.label, a.secret])).toEqual([
      ['totp', 'Northwind', 'ada', VECTORS[0]!.secret],
      ['totp', 'GitHub', 'anna@example.com', 'JBSWY3DPEHPK3PXP'],
      ['steam', 'Steam', '', STEAM.secret],
    ]);
    expect(out.unsupported).toEqual([]);
  });

  it('Steam from otpauth: encoder=steam, and a TOTP link of issuer Steam', async () => {
    const out = await readExport(
      enc(
        [
          `otpauth://totp/Valve:gamer?secret=${STEAM.secret}&encoder=steam`,
          `otpauth://totp/Steam:gamer2?secret=${VECTORS[0]!.secret}&issuer=Steam`,
          `otpauth://totp/Steam:site?secret=${VECTORS[1]!.secret}&issuer=Steam&digits=6`,
        ].join('\n'),
      ),
    );
    expect(out.accounts.map((a) => [a.type, a.issuer, a.digits])).toEqual([
      ['steam', 'Valve', 5],
      ['steam', 'Steam', 5],
      ['totp', 'Steam', 6],
    ]);
  });

  it('entries of a kind this app cannot keep are reported by name, the others still read', async () => {
    const json = JSON.parse(new TextDecoder().decode(aegisPlain())) as { db: { entries: Array<Record<string, unknown>> } };
    json.db.entries.push({ type: 'yandex', uuid: 'x', name: 'ivan', issuer: 'Yandex', info: { secret: VECTORS[0]!.secret, pin: '1234', digits: 8, algo: 'SHA256', period: 30 } });
    json.db.entries.push({ type: 'motp', uuid: 'y', name: 'old', issuer: 'mOTP', info: { secret: 'abcdef0123', pin: '1234', digits: 6, algo: 'MD5', period: 10 } });
    const out = await readExport(enc(JSON.stringify(json)));
    expect(out.accounts).toHaveLength(ALL.length);
    expect(out.unsupported).toEqual([
      { name: 'Yandex: ivan', reason: { code: 'otp.unsupported-type', params: { type: 'yandex' } } },
      { name: 'mOTP: old', reason: { code: 'otp.unsupported-type', params: { type: 'motp' } } },
    ]);
  });
});

describe('readExport: encrypted files, wrong passwords and damaged files each say what is wrong', () => {
  it.each([
    ['Aegis', () => aegisEncrypted('pw one')],
    ['2FAS', () => twofasEncrypted('pw one')],
  ] as const)('%s encrypted: no password asks for one, a wrong one is named as such', async (app, make) => {
    const file = make();
    expect(await rejection(readExport(file))).toEqual({ code: 'import.password-required', params: { app } });
    expect((await rejection(readExport(file, 'not-the-password'))).code).toBe('import.wrong-password');
  });

  it('an Aegis export whose vault was changed after it was sealed: import.tampered (the password was right)', async () => {
    const json = JSON.parse(new TextDecoder().decode(aegisEncrypted('pw'))) as { db: string };
    const db = Buffer.from(json.db, 'base64');
    db[10] = (db[10] ?? 0) ^ 0x01;
    json.db = db.toString('base64');
    expect(await rejection(readExport(enc(JSON.stringify(json)), 'pw'))).toEqual({ code: 'import.tampered', params: { app: 'Aegis' } });
  });

  it('a truncated export is not read as a partial one', async () => {
    const bytes = aegisPlain();
    expect((await rejection(readExport(bytes.subarray(0, Math.floor(bytes.length / 2))))).code).toBe('import.unknown-format');
  });

  it('an encrypted Bitwarden export is named as such', async () => {
    const err = await rejection(readExport(enc(JSON.stringify({ encrypted: true, passwordProtected: true, items: [] }))));
    expect(err).toEqual({ code: 'import.unsupported-encryption', params: { app: 'Bitwarden' } });
  });

  it('a file that is no export at all, and an oversized one', async () => {
    expect((await rejection(readExport(enc('hello world')))).code).toBe('import.unknown-format');
    expect((await rejection(readExport(enc('{"some":"json"}')))).code).toBe('import.unknown-format');
    expect((await rejection(readExport(new Uint8Array(11 * 1024 * 1024)))).code).toBe('import.too-large');
  });

  it('one broken entry is reported by name and does not stop the others', async () => {
    const text = 'otpauth://totp/Good:anna?secret=JBSWY3DPEHPK3PXP\notpauth://totp/Broken:bob?secret=not*base32\n';
    const out = await readExport(enc(text));
    expect(out.accounts.map((a) => a.issuer)).toEqual(['Good']);
    expect(out.unsupported).toEqual([{ name: 'Broken: bob', reason: { code: 'otp.secret-invalid-base32' } }]);
  });
});
