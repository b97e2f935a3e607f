import { describe, expect, it } from 'vitest';
import { normalizeBase32, toAccountSpec } from '../../../electron/core/otp/spec';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('OTP account rules', () => {
  it('normalizes typed base32: spaces, dashes, lower case and padding', () => {
    expect(normalizeBase32('jbsw y3dp-ehpk 3pxp==')).toBe('JBSWY3DPEHPK3PXP');
  });
  it('gives a specific error per broken rule', () => {
    expect(code(() => normalizeBase32('JBSW1!'))).toBe('otp.secret-invalid-base32');
    expect(code(() => normalizeBase32('JBSWY3DP'))).toBe('otp.secret-too-short');
    expect(code(() => toAccountSpec({ label: 'a', secret: 'JBSWY3DPEHPK3PXP', digits: 9 }))).toBe('otp.unsupported-digits');
    expect(toAccountSpec({ label: 'a', secret: 'JBSWY3DPEHPK3PXP', digits: 7 }).digits).toBe(7);
    expect(code(() => toAccountSpec({ label: 'a', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'MD5' }))).toBe('otp.unsupported-algorithm');
    expect(code(() => toAccountSpec({ secret: 'JBSWY3DPEHPK3PXP' }))).toBe('otp.name-missing');
  });
  it('fills the defaults of Google Authenticator: SHA1, 6 digits, 30 s', () => {
    expect(toAccountSpec({ issuer: 'Visma', label: 'anna', secret: 'JBSWY3DPEHPK3PXP' })).toMatchObject({
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });
});
