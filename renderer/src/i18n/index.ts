import { createI18n } from 'vue-i18n';
import type { Locale } from '@shared/contract';
import { hrmMessages } from './hrm';
import { prepMessages } from './prep';
import { adminMessages } from './admin';
import { errorMessages } from './errors';
import { en } from './en';
import { sv } from './sv';
import { scanEn } from './scan/en';
import { scanSv } from './scan/sv';
import { setupFlowEn } from './setup/en';
import { setupFlowSv } from './setup/sv';
import { otherAccountEn } from './other-account/en';
import { otherAccountSv } from './other-account/sv';

/** Every message of the app per locale: the shell/authenticator/settings texts plus the HRM ones. */
export const messages = {
  sv: { ...sv, ...hrmMessages.sv, ...prepMessages.sv, ...adminMessages.sv, ...scanSv, ...errorMessages.sv, ...otherAccountSv, ...setupFlowSv },
  en: { ...en, ...hrmMessages.en, ...prepMessages.en, ...adminMessages.en, ...scanEn, ...errorMessages.en, ...otherAccountEn, ...setupFlowEn },
} as const;

export type MessageSchema = (typeof messages)['sv'];

/**
 * Composition mode (`legacy: false`). vue-i18n 11 compiles messages just in time to an AST and
 * interprets it, so it never needs `new Function` and runs under the CSP's `script-src 'self'`.
 */
export function createAppI18n(locale: Locale = 'en') {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages,
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
