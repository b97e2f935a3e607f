// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../renderer/src/i18n';
import type { AppErrorData } from '@shared/result';
import { messageFor } from '../../../renderer/src/composables/use-error-message';
import { pasteShortcut, scanErrorMessage } from '../../../renderer/src/views/authenticator/scan/scan-errors';

/** Every code the scan channels and the page's own capture can give, each with its own text. */
const SCAN_CODES: AppErrorData['code'][] = [
  'qr.no-qr-found',
  'qr.unsupported-image',
  'qr.image-too-large',
  'qr.decode-timeout',
  'qr.decoder-crashed',
  'qr.invalid-frame',
  'otp.not-an-authenticator-code',
  'capture.permission-denied',
  'capture.unavailable',
  'capture.not-supported',
  'capture.cancelled',
  'scan.capture-expired',
  'scan.region-empty',
];

describe('scan error messages', () => {
  for (const locale of ['sv', 'en'] as const) {
    const { t } = createAppI18n(locale).global;

    it(`every scan code has its own ${locale} text with its parameters filled`, () => {
      for (const code of SCAN_CODES) {
        const text = scanErrorMessage(t, { code } as AppErrorData, 'linux');
        expect(text, code).not.toBe(messageFor(t, { code: 'internal' }));
        expect(text, code).not.toMatch(/\{\w+\}/);
      }
    });

    it(`says how to grant Screen Recording on macOS, and offers the image and paste instead (${locale})`, () => {
      expect(scanErrorMessage(t, { code: 'capture.permission-denied', params: { platform: 'darwin' } }, 'darwin')).toMatch(
        /Screen Recording|Skärminspelning/,
      );
      expect(scanErrorMessage(t, { code: 'capture.unavailable' }, 'darwin')).toContain('⌘V');
      expect(scanErrorMessage(t, { code: 'capture.unavailable' }, 'win32')).toContain('Ctrl+V');
    });

    it(`an oversized or unreadable image payload gets the image texts (${locale})`, () => {
      const tooBig = scanErrorMessage(t, { code: 'field.invalid', params: { field: 'imageBase64', reason: 'too_big' } }, 'linux');
      expect(tooBig).toBe(t("errorText['field.invalid'].imageTooBig", { max: 25 }));
      expect(tooBig).toContain('25');
      expect(scanErrorMessage(t, { code: 'field.invalid', params: { field: 'imageBase64', reason: 'invalid_format' } }, 'linux')).toBe(
        t("errorText['field.invalid'].imageBase64"),
      );
    });

    it(`an authenticator QR with a bad key or link says why (${locale})`, () => {
      const secret = scanErrorMessage(t, { code: 'otp.secret-invalid-base32' }, 'linux');
      expect(secret).toContain(messageFor(t, { code: 'otp.secret-invalid-base32' }));
      const uri = scanErrorMessage(t, { code: 'otp.invalid-uri', params: { reason: 'counter-missing' } }, 'linux');
      expect(uri).toContain(t("errorText['otp.invalid-uri'].reason.counter-missing"));
      expect(scanErrorMessage(t, { code: 'keychain.locked' }, 'linux')).toBe(messageFor(t, { code: 'keychain.locked' }));
    });
  }

  it('writes the paste shortcut as the platform does', () => {
    expect(pasteShortcut('darwin')).toBe('⌘V');
    expect(pasteShortcut('MacIntel')).toBe('⌘V');
    expect(pasteShortcut('linux')).toBe('Ctrl+V');
  });
});
