import { AppError, isAppError } from '@shared/result';
import { parseAuthenticatorPayload, type AuthenticatorPayload } from '../otp/parse-any';
import type { OtpAccountSpec } from '../otp/spec';
import type { QrFrameDecoder } from './decoder';
import type { Frame } from './frame';

export interface ScannedAccounts {
  accounts: OtpAccountSpec[];
  /** Payloads that were read, for "this QR is not an authenticator code" style feedback. */
  payloads: AuthenticatorPayload[];
}

/**
 * From the QR payloads of one capture to accounts: the one path the scan CLI and the app's
 * "Scan screens" share. Accounts from every authenticator code in the frame are returned;
 * other codes on screen (a link, a Wi-Fi code) are ignored when at least one code is usable.
 * Errors, most specific first: `qr.no-qr-found`; the first invalid otpauth/migration code's
 * own code (`otp.invalid-uri`, `otp.secret-invalid-base32`, ...); `otp.not-an-authenticator-code`.
 */
export function accountsFromPayloads(texts: string[]): ScannedAccounts {
  if (texts.length === 0) throw new AppError('qr.no-qr-found');
  const payloads: AuthenticatorPayload[] = [];
  let invalid: AppError | null = null;
  for (const text of texts) {
    try {
      payloads.push(parseAuthenticatorPayload(text));
    } catch (e) {
      if (!isAppError(e)) throw e;
      if (e.code !== 'otp.not-an-authenticator-code') invalid ??= e;
    }
  }
  if (payloads.length === 0) throw invalid ?? new AppError('otp.not-an-authenticator-code');
  return { accounts: payloads.flatMap((p) => p.accounts), payloads };
}

/**
 * "Scan screens": every display's frame through one decoder, payloads merged (a mirrored
 * display shows the same code twice), then the shared parse path.
 */
export async function scanFramesForAccounts(decoder: Pick<QrFrameDecoder, 'decode'>, frames: Frame[]): Promise<ScannedAccounts> {
  const perFrame = await Promise.all(frames.map((frame) => decoder.decode(frame)));
  return accountsFromPayloads([...new Set(perFrame.flat())]);
}
