// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { ADMIN_ERROR_CODES } from '@shared/contract';
import { createAppI18n } from '../../../renderer/src/i18n';
import { adminErrorText } from '../../../renderer/src/views/hrm/admin/admin-error-text';

describe('admin and account error messages', () => {
  for (const locale of ['sv', 'en'] as const) {
    const { t } = createAppI18n(locale).global;
    const generic = t('hrm.errors.generic');

    it(`every admin/account code has its own ${locale} message`, () => {
      const texts = ADMIN_ERROR_CODES.map((code) => adminErrorText(t, { code, params: { seconds: 42 } }));
      for (const [i, text] of texts.entries()) expect(text, ADMIN_ERROR_CODES[i]).not.toBe(generic);
      expect(new Set(texts).size).toBe(texts.length);
    });

    it(`the rate limit says how long to wait (${locale})`, () => {
      expect(adminErrorText(t, { code: 'admin.rate-limited', params: { seconds: 42 } })).toContain('42');
      expect(adminErrorText(t, { code: 'admin.rate-limited', params: { seconds: 1500 } })).toContain('25');
    });

    it(`a domain the contract refused gets the domain message, session codes the sign-in ones (${locale})`, () => {
      expect(adminErrorText(t, { code: 'ipc.invalid-payload', params: { field: 'emailDomains.1' } })).toBe(t('admin.errors.invalidDomain'));
      expect(adminErrorText(t, { code: 'session.not-signed-in' })).toBe(t('hrm.errors.notSignedIn'));
    });
  }
});
