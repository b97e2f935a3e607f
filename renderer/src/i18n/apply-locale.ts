import type { Locale } from '@shared/contract';
import type { AppI18n } from './index';

/** Switches the UI language and keeps `<html lang>` in step, so screen readers pronounce it right. */
export function applyLocale(i18n: AppI18n, locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
}
