import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExport } from '../../../electron/core/import';
import type { OtpAccountSpec } from '../../../electron/core/otp/spec';

/**
 * Real export files of other authenticator apps, read in place from the team folder beside the
 * project (never copied in): Aegis's importer test resources at v3.4.2 (see
 * ../shared/interop-data/SOURCES.md). Expected contents: the vectors in Aegis's
 * DatabaseImporterTest.java / VaultEntries.java, the same seven accounts in every file.
 * Formats: Aegis docs/vault.md; 2FAS backup schema 3/4 (2FAS Android, read by Aegis's
 * TwoFASImporter); andOTP Entry.toJSON; Bitwarden's unencrypted JSON export; Ente Auth's plain
 * text export (otpauth lines).
 */
const interop = resolve(import.meta.dirname, '../../../../shared/interop-data');
const file = (name: string): Uint8Array => readFileSync(resolve(interop, name));

const view = (a: OtpAccountSpec) => ({ type: a.type, issuer: a.issuer, label: a.label, secret: a.secret, algorithm: a.algorithm, digits: a.digits, period: a.period, counter: a.counter });

/** The six TOTP/HOTP vectors (the seventh, Boeing, is a Steam account). */
const VECTORS = [
  { type: 'totp', issuer: 'Deno', label: 'Mason', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
  { type: 'totp', issuer: 'SPDX', label: 'James', secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU', algorithm: 'SHA256', digits: 7, period: 20, counter: 0 },
  { type: 'totp', issuer: 'Airbnb', label: 'Elijah', secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA', algorithm: 'SHA512', digits: 8, period: 50, counter: 0 },
  { type: 'hotp', issuer: 'Issuu', label: 'James', secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4', algorithm: 'SHA1', digits: 6, period: 30, counter: 1 },
  { type: 'hotp', issuer: 'Air Canada', label: 'Benjamin', secret: 'KUVJJOM753IHTNDSZVCNKL7GII', algorithm: 'SHA256', digits: 7, period: 30, counter: 50 },
  { type: 'hotp', issuer: 'WWE', label: 'Mason', secret: '5VAML3X35THCEBVRLV24CGBKOY', algorithm: 'SHA512', digits: 8, period: 30, counter: 10300 },
] as const;
const byName = (a: { issuer: string; label: string }) => `${a.issuer}/${a.label}`;
const sorted = <T extends { issuer: string; label: string }>(xs: readonly T[]) => [...xs].sort((a, b) => byName(a).localeCompare(byName(b)));

async function rejection(p: Promise<unknown>): Promise<{ code: string; params?: unknown }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err as { code: string; params?: unknown },
  );
  if (!e) throw new Error('expected a rejection');
  return { code: e.code, ...(e.params === undefined ? {} : { params: e.params }) };
}

describe('readExport: every format detected from the content, every entry an account or reported by name', () => {
  it.each([
    ['aegis_plain.json', 'aegis', undefined],
    ['aegis_encrypted.json', 'aegis', 'test'],
    ['andotp_plain.json', 'andotp', undefined],
    ['plain.txt', 'otpauth-list', undefined],
  ])('%s: the six TOTP/HOTP accounts, and the Steam account reported by name', async (name, format, password) => {
    const out = await readExport(file(name), password);
    expect(out.format).toBe(format);
    expect(sorted(out.accounts.map(view))).toEqual(sorted(VECTORS));
    expect(out.unsupported).toEqual([{ name: 'Boeing: Sophia', reason: expect.objectContaining({ code: expect.stringMatching(/^otp\./) as unknown }) as unknown }]);
  });

  it.each([
    ['2fas_authenticator_plain_v4.2fas', undefined, 5, ['Boeing: Sophia']],
    ['2fas_authenticator_encrypted_v4.2fas', 'test', 5, ['Boeing: Sophia']],
    ['2fas_authenticator_plain_v3.2fas', undefined, 6, []],
    ['2fas_authenticator_encrypted_v3.2fas', 'test', 6, []],
  ])('%s: its accounts match the vectors, the Steam one reported, nothing dropped', async (name, password, count, reported) => {
    const out = await readExport(file(name), password);
    expect(out.format).toBe('2fas');
    expect(out.accounts.length + out.unsupported.length).toBe(count);
    expect(out.unsupported.map((u) => u.name)).toEqual(reported);
    for (const a of out.accounts) expect(VECTORS).toContainEqual(view(a));
  });

  it('Bitwarden: login.totp as otpauth URIs become accounts; steam:// is reported under the item name', async () => {
    const out = await readExport(file('bitwarden.json'));
    expect(out.format).toBe('bitwarden');
    expect(out.accounts.map(view)).toEqual([VECTORS[0], VECTORS[1], VECTORS[2]]);
    expect(out.unsupported.map((u) => u.name)).toEqual(['Test Steam']);
  });

  it('Bitwarden: a bare secret in login.totp takes the item name as issuer and the username as label', async () => {
    const json = { encrypted: false, items: [{ name: 'GitHub', login: { username: 'anna@example.com', totp: 'JBSW Y3DP EHPK 3PXP' } }, { name: 'No 2FA', login: { totp: null } }] };
    const out = await readExport(new TextEncoder().encode(JSON.stringify(json)));
    expect(out.accounts.map((a) => [a.issuer, a.label, a.secret])).toEqual([['GitHub', 'anna@example.com', 'JBSWY3DPEHPK3PXP']]);
    expect(out.unsupported).toEqual([]);
  });

  it('Ente Auth plain text: otpauth lines with its codeDisplay parameter are read', async () => {
    const out = await readExport(file('ente_auth.txt'));
    expect(out.format).toBe('otpauth-list');
    for (const a of out.accounts) expect(VECTORS).toContainEqual(view(a));
    expect(out.accounts.length + out.unsupported.length).toBeGreaterThanOrEqual(6);
  });
});

describe('readExport: encrypted files, wrong passwords and damaged files each say what is wrong', () => {
  it.each(['aegis_encrypted.json', '2fas_authenticator_encrypted_v4.2fas'])('%s without a password asks for one', async (name) => {
    expect((await rejection(readExport(file(name)))).code).toBe('import.password-required');
  });

  it.each(['aegis_encrypted.json', '2fas_authenticator_encrypted_v4.2fas', '2fas_authenticator_encrypted_v3.2fas'])('%s with a wrong password: import.wrong-password', async (name) => {
    expect((await rejection(readExport(file(name), 'not-the-password'))).code).toBe('import.wrong-password');
  });

  it('an Aegis export whose vault was changed after it was sealed: import.tampered (the password was right)', async () => {
    const json = JSON.parse(new TextDecoder().decode(file('aegis_encrypted.json'))) as { db: string };
    const db = Buffer.from(json.db, 'base64');
    db[10] = (db[10] ?? 0) ^ 0x01;
    json.db = db.toString('base64');
    const err = await rejection(readExport(new TextEncoder().encode(JSON.stringify(json)), 'test'));
    expect(err).toEqual({ code: 'import.tampered', params: { app: 'Aegis' } });
  });

  it('a truncated export is not read as a partial one', async () => {
    const bytes = file('aegis_plain.json');
    expect((await rejection(readExport(bytes.subarray(0, Math.floor(bytes.length / 2))))).code).toBe('import.unknown-format');
  });

  it('an encrypted Bitwarden export is named as such', async () => {
    const err = await rejection(readExport(new TextEncoder().encode(JSON.stringify({ encrypted: true, passwordProtected: true, items: [] }))));
    expect(err).toEqual({ code: 'import.unsupported-encryption', params: { app: 'Bitwarden' } });
  });

  it('a file that is no export at all, and an oversized one', async () => {
    expect((await rejection(readExport(new TextEncoder().encode('hello world')))).code).toBe('import.unknown-format');
    expect((await rejection(readExport(new TextEncoder().encode('{"some":"json"}')))).code).toBe('import.unknown-format');
    expect((await rejection(readExport(new Uint8Array(11 * 1024 * 1024)))).code).toBe('import.too-large');
  });

  it('one broken entry is reported by name and does not stop the others', async () => {
    const text = 'otpauth://totp/Good:anna?secret=JBSWY3DPEHPK3PXP\notpauth://totp/Broken:bob?secret=not*base32\n';
    const out = await readExport(new TextEncoder().encode(text));
    expect(out.accounts.map((a) => a.issuer)).toEqual(['Good']);
    expect(out.unsupported).toEqual([{ name: 'Broken: bob', reason: { code: 'otp.secret-invalid-base32' } }]);
  });
});
