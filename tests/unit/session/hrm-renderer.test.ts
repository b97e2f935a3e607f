// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import PasswordRules from '@/views/hrm/PasswordRules.vue';
import { errorText } from '@/views/hrm/error-text';
import { hrmEn } from '@/i18n/hrm/en';
import { hrmSv } from '@/i18n/hrm/sv';
import { SESSION_ERROR_CODES } from '@shared/session-errors';

const i18n = (locale: 'en' | 'sv') => createI18n({ legacy: false, locale, messages: { en: hrmEn, sv: hrmSv } });
const policy = { minLength: 8, digit: true, upper: true, lower: true, special: true };

describe('password policy feedback', () => {
  it('marks each rule as the user types and exposes whether all are met', async () => {
    const w = mount(PasswordRules, { props: { policy, password: 'abc', confirm: '' }, global: { plugins: [i18n('en')] } });
    const met = () => w.findAll('li.met').map((li) => li.text());
    expect(met()).toEqual([expect.stringContaining('a lower-case letter')]);
    expect((w.vm as unknown as { allMet: boolean }).allMet).toBe(false);
    await w.setProps({ password: 'Sommar-2026!', confirm: 'Sommar-2026!' });
    expect(w.findAll('li.met')).toHaveLength(6);
    expect((w.vm as unknown as { allMet: boolean }).allMet).toBe(true);
  });
});

describe('error messages', () => {
  it('every client error code has a specific message in both languages', () => {
    for (const locale of ['en', 'sv'] as const) {
      const { t } = i18n(locale).global;
      const generic = t('hrm.errors.generic');
      for (const code of SESSION_ERROR_CODES) {
        const text = errorText(t, { code, params: { minutes: 30 } });
        if (code === 'session.push-wrong-number') continue; // shown by the authenticator's prompt
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
