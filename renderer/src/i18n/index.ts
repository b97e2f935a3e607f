import { markRaw } from 'vue';
import { createI18n } from 'vue-i18n';
import type { Locale } from '@shared/contract';
import { loadMessages, messages, type MessageSchema } from './messages';

export { messages, type MessageSchema };

/**
 * Composition mode (`legacy: false`). Messages are ASTs that vue-i18n interprets, so it never
 * needs `new Function` and runs under the CSP's `script-src 'self'`: in tests and the dev server
 * vue-i18n compiles them just in time; the production build precompiles them (./messages.ts).
 */
export function createAppI18n(locale: Locale = 'en') {
  return createI18n<[MessageSchema], Locale, false>({
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- vue-i18n 11 defaults to legacy mode; the Composition API still needs this.
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages,
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/** Makes sure a locale's messages are in `i18n` (the production build loads them on demand). */
export async function ensureLocaleMessages(i18n: AppI18n, locale: Locale): Promise<void> {
  if (i18n.global.availableLocales.includes(locale)) return;
  setLocaleMessages(i18n, locale, await loadMessages(locale));
}

/**
 * One locale's messages, whole. Marked raw: vue-i18n keeps messages in a deep `ref`, so every
 * `t()` would otherwise walk the message ASTs through reactive proxies and make each render track
 * hundreds of dependencies (issue 16). A locale is only ever replaced whole, which the
 * top-level ref still tracks, never edited in place.
 */
export function setLocaleMessages(i18n: AppI18n, locale: Locale, messages: MessageSchema): void {
  i18n.global.setLocaleMessage(locale, markRaw(messages));
}
