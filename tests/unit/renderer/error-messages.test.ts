// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { clientErrors, parseAppErrorData, type AppErrorData, type ClientErrorCode } from '@shared/contract/errors';
import { createAppI18n } from '../../../renderer/src/i18n';
import { messageFor } from '../../../renderer/src/composables/use-error-message';

const CODES = Object.keys(clientErrors) as ClientErrorCode[];
/** Every param any code carries, so each text can fill all of its placeholders. */
const PARAMS = {
  field: 'email', reason: 'syntax', minutes: 30, attemptsLeft: 3, seconds: 42, minBits: 80, type: 'steam', algorithm: 'MD5', digits: 7,
  period: 0, issuer: 'GitHub', label: 'anna', found: 9, supported: 3, platform: 'linux', timeoutMs: 5000,
};
const withParams = (code: ClientErrorCode) => ({ code, params: PARAMS }) as unknown as AppErrorData;

describe('messageFor: one renderer over the error catalogue', () => {
  for (const locale of ['sv', 'en'] as const) {
    const { t } = createAppI18n(locale).global;
    const internal = messageFor(t, { code: 'internal' });

    it(`every catalogue code has its own ${locale} text, with and without params, and no code or key shows through`, () => {
      for (const code of CODES) {
        for (const error of [withParams(code), { code } as AppErrorData]) {
          const text = messageFor(t, error, { shortcut: 'Ctrl+V', max: 25 });
          expect(text, code).not.toMatch(/\{\w+\}|errorText|\[object/);
          expect(text, code).not.toContain(code);
          if (code !== 'internal') expect(text, code).not.toBe(internal);
        }
      }
    });

    it(`a password refused for its length says so, not "A value was not accepted" or "Something went wrong" (${locale})`, () => {
      const text = messageFor(t, { code: 'field.invalid', params: { field: 'password', reason: 'too_big' } });
      expect(text).toContain('1024');
      expect(text).not.toBe(messageFor(t, { code: 'field.invalid', params: { field: 'nonsense' } }));
    });

    it(`chooses the wording by the params there are (${locale})`, () => {
      expect(messageFor(t, { code: 'session.locked', params: { minutes: 30 } })).toContain('30');
      expect(messageFor(t, { code: 'session.locked' })).not.toMatch(/\d/);
      expect(messageFor(t, { code: 'prep.code-wrong', params: { attemptsLeft: 2 } })).toContain('2');
      expect(messageFor(t, { code: 'prep.rate-limited', params: { seconds: 42 } })).toContain('42');
      expect(messageFor(t, { code: 'admin.rate-limited', params: { seconds: 42 } })).toContain('42');
      expect(messageFor(t, { code: 'admin.rate-limited', params: { seconds: 1500 } })).toContain('25');
      expect(messageFor(t, { code: 'vault.duplicate-account', params: { issuer: 'GitHub', label: 'anna' } })).toContain('GitHub: anna');
      expect(messageFor(t, { code: 'otp.secret-too-short', params: { minBits: 80 } })).toContain('80');
    });

    it(`words a refused field by the field, never by its raw name or zod's issue code (${locale})`, () => {
      const field = (f: string, reason?: string) => messageFor(t, { code: 'field.invalid', params: reason ? { field: f, reason } : { field: f } }, { max: 25 });
      expect(field('emailDomains.1')).toBe(field('emailDomains'));
      expect(field('imageBase64', 'too_big')).toContain('25');
      expect(field('imageBase64', 'too_big')).not.toBe(field('imageBase64', 'invalid_format'));
      expect(field('email')).not.toBe(field('phone'));
      const other = field('someInternalName', 'invalid_union');
      expect(other).not.toContain('someInternalName');
      expect(other).not.toContain('invalid_union');
    });

    it(`an otpauth link's reason is worded, and an unknown reason is not shown raw (${locale})`, () => {
      const known = messageFor(t, { code: 'otp.invalid-uri', params: { reason: 'counter-missing' } });
      const unknown = messageFor(t, { code: 'otp.invalid-uri', params: { reason: 'brand-new' } });
      expect(known).not.toBe(unknown);
      expect(unknown).not.toContain('brand-new');
    });

    it(`every reason the otpauth parser gives has its own words, never the raw reason (${locale})`, () => {
      const other = messageFor(t, { code: 'otp.invalid-uri', params: { reason: 'other' } });
      for (const reason of ['digits-not-a-number', 'period-not-a-number', 'counter-not-a-number', 'duplicate-secret', 'duplicate-digits', 'label-encoding']) {
        const text = messageFor(t, { code: 'otp.invalid-uri', params: { reason } });
        expect(text, reason).not.toBe(other);
        expect(text, reason).not.toContain(reason);
      }
    });

    it(`a code main never declared reaches the user as the internal error, not as its code (${locale})`, () => {
      for (const raw of [{ code: 'qr.something-new' }, { code: 'errors' }, { code: 'session.locked', params: { minutes: 'soon' } }, 'nonsense', null]) {
        const text = messageFor(t, parseAppErrorData(raw));
        expect(text).toBe(internal);
      }
    });
  }
});
