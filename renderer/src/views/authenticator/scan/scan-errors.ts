import { MAX_SCAN_IMAGE_BYTES } from '@shared/contract';
import type { AppErrorData } from '@shared/result';
import { errorMessage } from '../../../composables/use-error-message';
import { messageKeys } from '../../../i18n/message-keys';
import { scanSv } from '../../../i18n/scan/sv';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Every `scan.errors.*` key that holds a text, from the source locale. */
const SCAN_ERROR_KEYS = messageKeys(scanSv.scan.errors, 'scan.errors');

export const hasScanMessage = (code: string): boolean => SCAN_ERROR_KEYS.has(`scan.errors.${code}`);

/** The paste shortcut as this computer writes it. */
export const pasteShortcut = (platform: string): string => (/^(darwin|mac)/i.test(platform) ? '⌘V' : 'Ctrl+V');

/**
 * A scan failure as text a person can act on. Scan-specific wording first (a QR code is not
 * a link, a missing capture permission says where to grant it); an otpauth code that is wrong
 * says why through the app's own otp message; anything else gets the app's general message.
 */
export function scanErrorMessage(t: Translate, error: AppErrorData, platform: string): string {
  const params: Record<string, unknown> = { ...error.params, shortcut: pasteShortcut(platform), max: Math.round(MAX_SCAN_IMAGE_BYTES / 1024 / 1024) };
  // The contract refused the image itself: too big, or not base64 (not a file we could read).
  if (error.code === 'ipc.invalid-payload' && error.params?.field === 'imageBase64') {
    return t(error.params.reason === 'too_big' ? 'scan.errors.image.too-large' : 'scan.errors.image.not-an-image', params);
  }
  if (hasScanMessage(error.code)) return t(`scan.errors.${error.code}`, params);
  if (error.code.startsWith('otp.')) return t('scan.errors.invalidCode', { reason: errorMessage(t, error) });
  return errorMessage(t, error);
}
