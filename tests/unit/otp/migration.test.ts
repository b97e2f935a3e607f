import { describe, expect, it } from 'vitest';
import { Secret } from 'otpauth';
import { encodeMigrationUri, parseMigrationUri } from '../../../electron/core/otp/migration';
import { parseAuthenticatorPayload, parseAuthenticatorText } from '../../../electron/core/otp/parse-any';
import { errorOf } from './error-of';

const bytes = (seed: number, length = 20): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 17) & 0xff);
const b32 = (b: Uint8Array): string => new Secret({ buffer: b.slice().buffer }).base32;

/** A Google Authenticator export of three accounts, as the app's "Transfer accounts" shows it. */
const THREE = encodeMigrationUri([
  { secret: bytes(1), name: 'alice@example.com', issuer: 'GitHub' },
  { secret: bytes(2), name: 'Google:bob@gmail.com', issuer: 'Google', algorithm: 2, digits: 2 },
  { secret: bytes(3, 32), name: 'Åsa:åsa@företag.se', issuer: '', algorithm: 3, type: 1, counter: 42 },
]);

/** Data whose base64 holds '+' and '/', to exercise every alphabet and escaping variant. */
function base64WithSpecials(): { uri: string; b64: string } {
  for (let seed = 0; seed < 500; seed++) {
    const uri = encodeMigrationUri([{ secret: bytes(seed), name: 'n', issuer: 'i' }]);
    const b64 = decodeURIComponent(uri.slice(uri.indexOf('data=') + 5));
    if (b64.includes('+') && b64.includes('/')) return { uri, b64 };
  }
  throw new Error('no seed gives both + and /');
}

describe('parseMigrationUri', () => {
  it('reads every account of an export with its issuer, name, algorithm, digits and type', () => {
    const { accounts, batch } = parseMigrationUri(THREE);
    expect(batch).toEqual({ index: 0, size: 1, id: 1 });
    expect(accounts).toEqual([
      {
        type: 'totp',
        issuer: 'GitHub',
        label: 'alice@example.com',
        secret: b32(bytes(1)),
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
      },
      // "Issuer:" prefixes that repeat the issuer are dropped, as Google writes them.
      {
        type: 'totp',
        issuer: 'Google',
        label: 'bob@gmail.com',
        secret: b32(bytes(2)),
        algorithm: 'SHA256',
        digits: 8,
        period: 30,
        counter: 0,
      },
      // No issuer field: the name's prefix becomes the issuer. HOTP keeps its counter.
      {
        type: 'hotp',
        issuer: 'Åsa',
        label: 'åsa@företag.se',
        secret: b32(bytes(3, 32)),
        algorithm: 'SHA512',
        digits: 6,
        period: 30,
        counter: 42,
      },
    ]);
    expect(accounts.every((a) => /^[A-Z2-7]+$/.test(a.secret))).toBe(true);
  });

  it('reports the batch of a multi-QR export', () => {
    const uri = encodeMigrationUri([{ secret: bytes(4), name: 'x', issuer: 'y' }], { index: 1, size: 3, id: -123456 });
    expect(parseMigrationUri(uri).batch).toEqual({ index: 1, size: 3, id: -123456 });
    expect(parseMigrationUri(encodeMigrationUri([{ secret: bytes(4), name: 'x' }], null)).batch).toBeNull();
  });

  it('treats unspecified enums as Google does: SHA1, 6 digits, TOTP', () => {
    const uri = encodeMigrationUri([{ secret: bytes(5), name: 'x', algorithm: 0, digits: 0, type: 0 }]);
    expect(parseMigrationUri(uri).accounts[0]).toMatchObject({ type: 'totp', algorithm: 'SHA1', digits: 6 });
  });

  it('accepts standard, URL-safe, URL-encoded, unpadded and form-decoded base64', () => {
    const { uri, b64 } = base64WithSpecials();
    const expected = parseMigrationUri(uri).accounts;
    const variants = [
      b64,
      b64.replace(/\+/g, '-').replace(/\//g, '_'),
      b64.replace(/=+$/, ''),
      encodeURIComponent(b64),
      b64.replace(/\+/g, ' '),
    ];
    for (const data of variants) expect(parseMigrationUri(`otpauth-migration://offline?data=${data}`).accounts).toEqual(expected);
    expect(parseMigrationUri(`OTPAUTH-MIGRATION://OFFLINE?data=${encodeURIComponent(b64)}`).accounts).toEqual(expected);
  });

  it('reports malformed exports as otp.invalid-uri with a reason', () => {
    const reason = (uri: string) => errorOf(() => parseMigrationUri(uri));
    expect(reason('otpauth-migration://offline?foo=1')).toEqual({ code: 'otp.invalid-uri', params: { reason: 'data-missing' } });
    expect(reason('otpauth-migration://offline?data=')).toEqual({ code: 'otp.invalid-uri', params: { reason: 'data-missing' } });
    expect(reason('otpauth-migration://offline?data=!!notbase64!!')).toEqual({ code: 'otp.invalid-uri', params: { reason: 'base64' } });
    expect(reason('otpauth-migration://offline?data=QUJD%ZZ')).toEqual({ code: 'otp.invalid-uri', params: { reason: 'data-encoding' } });
    expect(reason('otpauth-migration://offline?data=/////w')).toEqual({ code: 'otp.invalid-uri', params: { reason: 'protobuf' } });
    expect(reason('otpauth-migration://offline?data=CgA%3D&data=CgA%3D')).toEqual({
      code: 'otp.invalid-uri',
      params: { reason: 'duplicate-data' },
    });
    expect(reason('otpauth-migration://online?data=CgA%3D')).toEqual({ code: 'otp.invalid-uri', params: { reason: 'host' } });
    expect(reason('otpauth-migration://offline')).toEqual({ code: 'otp.invalid-uri', params: { reason: 'syntax' } });
    // A well-formed payload with no accounts in it.
    expect(reason(`otpauth-migration://offline?data=${encodeURIComponent(Buffer.from([0x10, 0x01]).toString('base64'))}`)).toEqual({
      code: 'otp.invalid-uri',
      params: { reason: 'no-accounts' },
    });
    const badBatch = encodeMigrationUri([{ secret: bytes(6), name: 'x' }], { index: 3, size: 3, id: 1 });
    expect(reason(badBatch)).toEqual({ code: 'otp.invalid-uri', params: { reason: 'batch' } });
  });

  it('keeps the specific account rule codes and says which account failed', () => {
    const md5 = encodeMigrationUri([
      { secret: bytes(7), name: 'ok' },
      { secret: bytes(8), name: 'md5', algorithm: 4 },
    ]);
    expect(errorOf(() => parseMigrationUri(md5))).toEqual({ code: 'otp.unsupported-algorithm', params: { algorithm: 'MD5', account: 2 } });
    const noSecret = encodeMigrationUri([{ secret: new Uint8Array(0), name: 'x' }]);
    expect(errorOf(() => parseMigrationUri(noSecret))).toEqual({ code: 'otp.secret-missing', params: { account: 1 } });
    const shortSecret = encodeMigrationUri([{ secret: bytes(9, 5), name: 'x' }]);
    expect(errorOf(() => parseMigrationUri(shortSecret))?.code).toBe('otp.secret-too-short');
    const digits = encodeMigrationUri([{ secret: bytes(9), name: 'x', digits: 7 }]);
    expect(errorOf(() => parseMigrationUri(digits))).toEqual({ code: 'otp.unsupported-digits', params: { digits: 'enum-7', account: 1 } });
    const nameless = encodeMigrationUri([{ secret: bytes(9), name: '', issuer: '' }]);
    expect(errorOf(() => parseMigrationUri(nameless))?.code).toBe('otp.name-missing');
  });
});

describe('parseAuthenticatorText', () => {
  it('dispatches by scheme', () => {
    expect(parseAuthenticatorText('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP')).toHaveLength(1);
    expect(parseAuthenticatorText(`  ${THREE}\n`)).toHaveLength(3);
    expect(parseAuthenticatorPayload(THREE)).toMatchObject({ kind: 'migration', batch: { index: 0, size: 1 } });
    expect(parseAuthenticatorPayload('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ kind: 'otpauth', batch: null });
  });

  it('rejects anything else as not an authenticator code', () => {
    for (const text of ['https://example.com', 'hello', '', 'otpauth-migrationX://offline?data=CgA', 'mailto:a@b.c']) {
      expect(errorOf(() => parseAuthenticatorText(text))).toEqual({ code: 'otp.not-an-authenticator-code' });
    }
  });
});
