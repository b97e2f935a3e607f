import { AppError } from '@shared/result';
import { isMigrationUri, parseMigrationUri, type MigrationBatch } from './migration';
import { isOtpauthUri, parseOtpauthUri } from './otpauth-uri';
import type { OtpAccountSpec } from './spec';

export interface AuthenticatorPayload {
  kind: 'otpauth' | 'migration';
  accounts: OtpAccountSpec[];
  /** Google Authenticator splits large exports into several QR codes; null for a single otpauth URI. */
  batch: MigrationBatch | null;
}

/**
 * One entry point for any text that may hold authenticator accounts (a QR payload, a pasted
 * URI): dispatch by scheme. Anything else is `otp.not-an-authenticator-code`, so the UI can
 * tell "this QR is a web link" apart from "this otpauth URI is broken" (`otp.invalid-uri`,
 * or the specific rule code from toAccountSpec).
 */
export function parseAuthenticatorPayload(text: string): AuthenticatorPayload {
  if (isOtpauthUri(text)) return { kind: 'otpauth', accounts: [parseOtpauthUri(text)], batch: null };
  if (isMigrationUri(text)) return { kind: 'migration', ...parseMigrationUri(text) };
  throw new AppError('otp.not-an-authenticator-code');
}

/** The vault's `UriParser`: every account the text holds. */
export function parseAuthenticatorText(text: string): OtpAccountSpec[] {
  return parseAuthenticatorPayload(text).accounts;
}
