import type { Locale } from '@shared/contract';
import { desktopEn } from '@shared/i18n/desktop/en';
import { desktopSv, type DesktopMessages } from '@shared/i18n/desktop/sv';

/**
 * What main shows itself (notifications, the tray and application menus, dialogs) comes from the
 * catalogue the renderer merges into its messages (shared/i18n/desktop), in the language chosen in Settings.
 */
const CATALOGUES: Record<Locale, DesktopMessages['desktop']> = { sv: desktopSv.desktop, en: desktopEn.desktop };

type Section = Exclude<keyof DesktopMessages['desktop'], 'prefs' | 'diagnostics'>;

export type Texts = <S extends Section>(
  section: S,
  key: keyof DesktopMessages['desktop'][S] & string,
  params?: Record<string, string | number>,
) => string;

/** A translator for one language; `{name}` placeholders are filled from `params`. */
export function textsFor(locale: Locale): Texts {
  return (section, key, params = {}) => {
    const text =
      (CATALOGUES[locale][section] as Record<string, string>)[key] ?? (CATALOGUES.en[section] as Record<string, string>)[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}
