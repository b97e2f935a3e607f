import { Secret, TOTP } from 'otpauth';
import { ISSUER } from '../config';

/**
 * TOTP (RFC 6238) through the otpauth library, never hand-rolled: SHA-1, 6 digits, 30 s, the
 * defaults every authenticator app understands. Secrets are 160 bits (RFC 4226's recommended
 * length) from Node's CSPRNG.
 */
export const TOTP_PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(secretBase32: string, accountName: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: accountName, secret: Secret.fromBase32(secretBase32), ...TOTP_PARAMS });
}

/**
 * The time-step counter a code matches within +-1 step of `nowMs`, or null. Callers refuse a
 * counter at or below the last one accepted, so no code is ever accepted twice.
 */
export function matchTotp(secretBase32: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secretBase32), ...TOTP_PARAMS, timestamp: nowMs, window: 1 });
  if (delta === null) return null;
  return TOTP.counter({ period: TOTP_PARAMS.period, timestamp: nowMs }) + delta;
}
