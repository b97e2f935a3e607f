import { Secret } from 'otpauth';
import { OTP_ALGORITHMS, OTP_DIGITS, STEAM_DIGITS, type CodeLength, type OtpAlgorithm, type OtpType } from '@shared/contract';
import { AppError } from '@shared/result';

/**
 * A validated OTP account, the one shape every way of adding an account (manual form,
 * otpauth:// URI, Google Authenticator migration, QR scan) produces. `secret` is canonical
 * unpadded upper-case base32 and never leaves the main process.
 */
export interface OtpAccountSpec {
  type: OtpType;
  issuer: string;
  label: string;
  secret: string;
  algorithm: OtpAlgorithm;
  digits: CodeLength;
  period: number;
  counter: number;
}

const OTP_FIELDS = ['type', 'issuer', 'label', 'secret', 'algorithm', 'digits', 'period', 'counter'] as const satisfies ReadonlyArray<
  keyof OtpAccountSpec
>;

/**
 * Only an account's OTP fields, the ones an OtpAccountSpec has (not its id, place or groups):
 * what a backup row, a transfer QR and an imported backup entry carry of it.
 */
export function pickOtpFields<T extends Record<keyof OtpAccountSpec, unknown>>(a: T): Pick<T, keyof OtpAccountSpec> {
  return Object.fromEntries(OTP_FIELDS.map((k) => [k, a[k]])) as Pick<T, keyof OtpAccountSpec>;
}

export interface RawOtpFields {
  type?: string | undefined;
  issuer?: string | undefined;
  label?: string | undefined;
  secret?: string | undefined;
  algorithm?: string | undefined;
  digits?: number | undefined;
  period?: number | undefined;
  counter?: number | undefined;
}

/** Shortest secret we accept: RFC 4226 requires 128 bits; 80 bits is what many sites still issue. */
const MIN_SECRET_BYTES = 10;
const MAX_SECRET_BYTES = 512;

/** Base32 (RFC 4648) with spaces/dashes people type, any case, optional padding. */
export function normalizeBase32(input: string): string {
  const cleaned = input.replace(/[\s-]/g, '').toUpperCase().replace(/=+$/, '');
  if (cleaned.length === 0) throw new AppError('otp.secret-missing');
  if (!/^[A-Z2-7]+$/.test(cleaned)) throw new AppError('otp.secret-invalid-base32');
  // Lengths of 1, 3 and 6 (mod 8) cannot come from whole bytes.
  if ([1, 3, 6].includes(cleaned.length % 8)) throw new AppError('otp.secret-invalid-base32');
  const bytes = Secret.fromBase32(cleaned).bytes.length;
  if (bytes < MIN_SECRET_BYTES) throw new AppError('otp.secret-too-short', { minBits: MIN_SECRET_BYTES * 8 });
  if (bytes > MAX_SECRET_BYTES) throw new AppError('otp.secret-too-long');
  return cleaned;
}

/** Checks every rule once, with a specific error code per rule (translated in the renderer). */
export function toAccountSpec(raw: RawOtpFields): OtpAccountSpec {
  const type = (raw.type ?? 'totp').toLowerCase();
  if (type === 'steam') return steamSpec(raw);
  if (type !== 'totp' && type !== 'hotp') throw new AppError('otp.unsupported-type', { type });
  const algorithm = (raw.algorithm ?? 'SHA1').toUpperCase().replace('-', '');
  if (!(OTP_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new AppError('otp.unsupported-algorithm', { algorithm: raw.algorithm ?? '' });
  }
  const digits = raw.digits ?? 6;
  if (!(OTP_DIGITS as readonly number[]).includes(digits)) throw new AppError('otp.unsupported-digits', { digits });
  const period = raw.period ?? 30;
  if (!Number.isInteger(period) || period < 1 || period > 3600) throw new AppError('otp.invalid-period', { period });
  const counter = raw.counter ?? 0;
  if (!Number.isSafeInteger(counter) || counter < 0) throw new AppError('otp.invalid-counter');
  const issuer = (raw.issuer ?? '').trim();
  const label = (raw.label ?? '').trim();
  if (!issuer && !label) throw new AppError('otp.name-missing');
  return {
    type,
    issuer,
    label,
    secret: normalizeBase32(raw.secret ?? ''),
    algorithm: algorithm as OtpAlgorithm,
    digits: digits as CodeLength,
    period,
    counter,
  };
}

/**
 * Steam Guard: TOTP with SHA1, 30 s and 5 characters of Steam's alphabet (Aegis, andOTP and 2FAS
 * export it as type "steam" with digits 5). Other values in an export do not change how Steam
 * makes codes, so they are not trusted: a different digits/period/algorithm is refused.
 */
function steamSpec(raw: RawOtpFields): OtpAccountSpec {
  if (raw.digits !== undefined && raw.digits !== STEAM_DIGITS) throw new AppError('otp.unsupported-digits', { digits: raw.digits });
  if (raw.period !== undefined && raw.period !== 30) throw new AppError('otp.invalid-period', { period: raw.period });
  if (raw.algorithm !== undefined && raw.algorithm.toUpperCase().replace('-', '') !== 'SHA1')
    throw new AppError('otp.unsupported-algorithm', { algorithm: raw.algorithm });
  const issuer = (raw.issuer ?? '').trim() || 'Steam';
  const label = (raw.label ?? '').trim();
  return {
    type: 'steam',
    issuer,
    label,
    secret: normalizeBase32(raw.secret ?? ''),
    algorithm: 'SHA1',
    digits: STEAM_DIGITS,
    period: 30,
    counter: 0,
  };
}
