import { MAX_SCAN_IMAGE_BYTES } from '@shared/contract/names';
import type { AppErrorData } from '@shared/result';
import { messageFor, type Translate } from '../../../composables/use-error-message';

/** The paste shortcut as this computer writes it. */
export const pasteShortcut = (platform: string): string => (/^(darwin|mac)/i.test(platform) ? '⌘V' : 'Ctrl+V');

/**
 * A scan failure as text a person can act on: the app's one error text (messageFor) with the
 * values only this screen knows (the paste shortcut, the image size limit). An otpauth code that
 * is wrong says so as a QR code that cannot be used, and why.
 */
export function scanErrorMessage(t: Translate, error: AppErrorData, platform: string): string {
  const extra = { shortcut: pasteShortcut(platform), max: Math.round(MAX_SCAN_IMAGE_BYTES / 1024 / 1024) };
  if (error.code === 'otp.not-an-authenticator-code') return t('scan.errors.otp.not-an-authenticator-code');
  if (error.code.startsWith('otp.')) return t('scan.errors.invalidCode', { reason: messageFor(t, error) });
  return messageFor(t, error, extra);
}
