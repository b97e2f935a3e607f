import { describe, expect, it } from 'vitest';
import { formatOtpauthUri, parseOtpauthUri } from '../../../electron/core/otp/otpauth-uri';
import { errorOf } from './error-of';

const SECRET = 'JBSWY3DPEHPK3PXP';

describe('parseOtpauthUri: valid URIs (Key-Uri-Format)', () => {
  it('reads the example of the spec with Google defaults', () => {
    expect(parseOtpauthUri(`otpauth://totp/Example:alice@google.com?secret=${SECRET}&issuer=Example`)).toEqual({
      type: 'totp',
      issuer: 'Example',
      label: 'alice@google.com',
      secret: SECRET,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    });
  });

  it('takes the issuer from the label prefix when there is no parameter', () => {
    expect(parseOtpauthUri(`otpauth://totp/ACME:john?secret=${SECRET}`)).toMatchObject({ issuer: 'ACME', label: 'john' });
  });

  it('takes the issuer from the parameter when the label has no prefix', () => {
    expect(parseOtpauthUri(`otpauth://totp/john?secret=${SECRET}&issuer=ACME`)).toMatchObject({ issuer: 'ACME', label: 'john' });
  });

  it('lets the issuer parameter win over a different label prefix (newer Google Authenticator behaviour)', () => {
    expect(parseOtpauthUri(`otpauth://totp/Old%20Name:john?secret=${SECRET}&issuer=New%20Name`)).toMatchObject({
      issuer: 'New Name',
      label: 'john',
    });
  });

  it('falls back to the label prefix when the issuer parameter is empty', () => {
    expect(parseOtpauthUri(`otpauth://totp/ACME:john?secret=${SECRET}&issuer=`)).toMatchObject({ issuer: 'ACME' });
  });

  it('decodes URL-encoded labels: %3A as the separator, %20 spaces after it, %40', () => {
    expect(parseOtpauthUri(`otpauth://totp/ACME%20Co%3A%20%20john.doe%40email.com?secret=${SECRET}&issuer=ACME%20Co`)).toMatchObject({
      issuer: 'ACME Co',
      label: 'john.doe@email.com',
    });
  });

  it('decodes non-ASCII labels and issuers, encoded or raw', () => {
    expect(parseOtpauthUri(`otpauth://totp/%C3%85sa%20AB:%C3%A5sa%40f%C3%B6retag.se?secret=${SECRET}&issuer=%C3%85sa%20AB`)).toMatchObject({
      issuer: 'Åsa AB',
      label: 'åsa@företag.se',
    });
    expect(parseOtpauthUri(`otpauth://totp/Åsa:örjan?secret=${SECRET}`)).toMatchObject({ issuer: 'Åsa', label: 'örjan' });
  });

  it('reads "+" in the query as a space (form encoding) but keeps it literal in the path', () => {
    expect(parseOtpauthUri(`otpauth://totp/a+b?secret=${SECRET}&issuer=ACME+Co`)).toMatchObject({ issuer: 'ACME Co', label: 'a+b' });
  });

  it('reads algorithm, digits and period, case-insensitively', () => {
    expect(parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&algorithm=sha256&digits=8&period=60`)).toMatchObject({
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
    });
    expect(parseOtpauthUri(`OTPAUTH://TOTP/x?secret=${SECRET}&algorithm=SHA512`)).toMatchObject({ type: 'totp', algorithm: 'SHA512' });
  });

  it('reads HOTP with its counter', () => {
    expect(parseOtpauthUri(`otpauth://hotp/ACME:john?secret=${SECRET}&counter=42`)).toMatchObject({ type: 'hotp', counter: 42 });
    expect(parseOtpauthUri(`otpauth://hotp/ACME:john?secret=${SECRET}&counter=0`)).toMatchObject({ type: 'hotp', counter: 0 });
  });

  it('normalizes the secret to unpadded upper-case base32 and ignores a counter on TOTP', () => {
    expect(parseOtpauthUri('otpauth://totp/x?secret=jbswy3dpehpk3pxp%3D%3D%3D&counter=9')).toMatchObject({ secret: SECRET, counter: 0 });
  });

  it('accepts a label-less URI when the issuer names the account', () => {
    expect(parseOtpauthUri(`otpauth://totp?secret=${SECRET}&issuer=ACME`)).toMatchObject({ issuer: 'ACME', label: '' });
  });

  it('round-trips through formatOtpauthUri', () => {
    const specs = [
      parseOtpauthUri(`otpauth://totp/%C3%85sa%20AB:%C3%A5sa?secret=${SECRET}&issuer=%C3%85sa%20AB&digits=8&algorithm=SHA512&period=45`),
      parseOtpauthUri(`otpauth://hotp/x:y%3Az?secret=${SECRET}&counter=7`),
      parseOtpauthUri(`otpauth://totp/solo?secret=${SECRET}`),
    ];
    for (const spec of specs) expect(parseOtpauthUri(formatOtpauthUri(spec))).toEqual(spec);
  });
});

describe('parseOtpauthUri: malformed and unsupported', () => {
  it('says "not an authenticator code" for other schemes and garbage', () => {
    for (const text of ['https://example.com/?secret=JBSWY3DPEHPK3PXP', 'WIFI:S:home;T:WPA;P:pw;;', '', 'otpauth:/totp/x', '\u0000\u0001']) {
      expect(errorOf(() => parseOtpauthUri(text))).toEqual({ code: 'otp.not-an-authenticator-code' });
    }
  });

  it('reports otp.invalid-uri with a reason for broken structure', () => {
    expect(errorOf(() => parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}`))).toEqual({ code: 'otp.invalid-uri', params: { reason: 'counter-missing' } });
    expect(errorOf(() => parseOtpauthUri(`otpauth://totp/%E0%A4%A?secret=${SECRET}`))).toEqual({ code: 'otp.invalid-uri', params: { reason: 'label-encoding' } });
    expect(errorOf(() => parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&digits=six`))).toEqual({ code: 'otp.invalid-uri', params: { reason: 'digits-not-a-number' } });
    expect(errorOf(() => parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&period=-30`))).toEqual({ code: 'otp.invalid-uri', params: { reason: 'period-not-a-number' } });
    expect(errorOf(() => parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}&counter=1e3`))).toEqual({ code: 'otp.invalid-uri', params: { reason: 'counter-not-a-number' } });
    expect(errorOf(() => parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&secret=GEZDGNBVGY3TQOJQ`))).toEqual({ code: 'otp.invalid-uri', params: { reason: 'duplicate-secret' } });
    expect(errorOf(() => parseOtpauthUri('otpauth://'))).toEqual({ code: 'otp.invalid-uri', params: { reason: 'type-missing' } });
    expect(errorOf(() => parseOtpauthUri(`otpauth://totp/${'a'.repeat(9000)}?secret=${SECRET}`))).toEqual({ code: 'otp.invalid-uri', params: { reason: 'too-long' } });
  });

  it('keeps the specific rule codes of toAccountSpec', () => {
    expect(errorOf(() => parseOtpauthUri('otpauth://totp/ACME:john?issuer=ACME'))?.code).toBe('otp.secret-missing');
    expect(errorOf(() => parseOtpauthUri('otpauth://totp/ACME:john?secret=JBSWY3DPEHPK3PX1'))?.code).toBe('otp.secret-invalid-base32');
    expect(errorOf(() => parseOtpauthUri('otpauth://totp/ACME:john?secret=JBSWY3DP'))?.code).toBe('otp.secret-too-short');
    expect(errorOf(() => parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&digits=9`))?.code).toBe('otp.unsupported-digits');
    expect(errorOf(() => parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&algorithm=MD5`))?.code).toBe('otp.unsupported-algorithm');
    expect(errorOf(() => parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&period=0`))?.code).toBe('otp.invalid-period');
    expect(errorOf(() => parseOtpauthUri(`otpauth://yandex/x?secret=${SECRET}`))?.code).toBe('otp.unsupported-type');
    expect(errorOf(() => parseOtpauthUri(`otpauth://totp/?secret=${SECRET}`))?.code).toBe('otp.name-missing');
    expect(errorOf(() => parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}&counter=9999999999999999`))?.code).toBe('otp.invalid-counter');
  });
});
