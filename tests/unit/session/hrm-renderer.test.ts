import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { checkPassword } from '../../../renderer/src/views/hrm/password-rules';
import { errorText } from '../../../renderer/src/views/hrm/error-text';
import { hrmEn } from '../../../renderer/src/i18n/hrm/en';
import { hrmSv } from '../../../renderer/src/i18n/hrm/sv';
import { SESSION_ERROR_CODES } from '@shared/session-errors';

const i18n = (locale: 'en' | 'sv') => createI18n({ legacy: false, locale, messages: { en: hrmEn, sv: hrmSv } });
const policy = { minLength: 8, digit: true, upper: true, lower: true, special: true };
const met = (pw: string, confirm = '') => checkPassword(policy, pw, confirm).filter((r) => r.met).map((r) => r.id);

describe('password policy feedback', () => {
  it('marks each rule as the user types', () => {
    expect(met('abc')).toEqual(['lower']);
    expect(met('Abc1')).toEqual(['digit', 'upper', 'lower']);
    expect(met('Sommar-2026!', 'Sommar-2026!')).toEqual(['length', 'digit', 'upper', 'lower', 'special', 'match']);
    expect(met('Sommar-2026!', 'Sommar-2026')).not.toContain('match');
  });

  it('shows only the rules the preset has (NIST: length only)', () => {
    const nist = { minLength: 15, digit: false, upper: false, lower: false, special: false };
    expect(checkPassword(nist, 'x', 'x').map((r) => r.id)).toEqual(['length', 'match']);
  });
});

describe('error messages', () => {
  it('every client error code has a specific message in both languages', () => {
    for (const locale of ['en', 'sv'] as const) {
      const { t } = i18n(locale).global;
      const generic = t('hrm.errors.generic');
      for (const code of SESSION_ERROR_CODES) {
        if (code === 'session.push-wrong-number') continue; // shown by the authenticator's prompt
        const text = errorText(t, { code, params: { minutes: 30 } });
        expect(text, `${locale} ${code}`).not.toBe(generic);
        expect(text).not.toMatch(/hrm\.errors/);
      }
    }
  });

  it('says how long a lock lasts', () => {
    const { t } = i18n('sv').global;
    expect(errorText(t, { code: 'session.locked', params: { minutes: 30 } })).toContain('30 minuter');
  });
});
