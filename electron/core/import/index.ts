import { AppError } from '@shared/result';
import { AegisFileSchema, importAegis } from './aegis';
import type { ImportedExport } from './collect';
import { AndOtpFileSchema, BitwardenFileSchema, importAndOtp, importBitwarden, importOtpauthLines } from './simple-formats';
import { importTwoFas, TwoFasFileSchema } from './twofas';
import { looksLikeBackup } from '../backup/format';
import { importOwnBackup } from './own-backup';

export type { ImportedExport, ImportedAccount, UnsupportedEntry, ExportFormat } from './collect';

/** Exports larger than this are not authenticator exports (Aegis's own for 1,000 accounts is ~400 KB). */
export const MAX_EXPORT_BYTES = 10 * 1024 * 1024;

/**
 * Reads this app's own encrypted backup or an export of another authenticator app, the format
 * detected from the content (not the file name): Aegis (plain, encrypted), 2FAS (plain, encrypted), andOTP, Bitwarden, or a text
 * file of otpauth:// lines (Ente Auth, plain exports). An encrypted file without `password`
 * answers `import.password-required` so the UI can ask and call again.
 */
export async function readExport(bytes: Uint8Array, password?: string): Promise<ImportedExport> {
  if (bytes.length > MAX_EXPORT_BYTES) throw new AppError('import.too-large', { maxBytes: MAX_EXPORT_BYTES });
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  const trimmed = text.trim();
  // This app's own backup first: a cut-off one is not valid JSON but must still say "cut off".
  if (looksLikeBackup(trimmed)) return importOwnBackup(trimmed, password);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new AppError('import.unknown-format');
    }
    const aegis = AegisFileSchema.safeParse(json);
    if (aegis.success) return importAegis(aegis.data, password);
    const twofas = TwoFasFileSchema.safeParse(json);
    if (twofas.success) return importTwoFas(twofas.data, password);
    const bitwarden = BitwardenFileSchema.safeParse(json);
    if (bitwarden.success) return importBitwarden(bitwarden.data);
    const andotp = AndOtpFileSchema.safeParse(json);
    if (andotp.success) return importAndOtp(andotp.data);
    throw new AppError('import.unknown-format');
  }
  if (/^otpauth:\/\//im.test(trimmed)) return importOtpauthLines(trimmed);
  throw new AppError('import.unknown-format');
}
