import { z } from 'zod';
import { DEFAULT_SETTINGS, LOCALES } from './names';

export { LOCALES };

export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Which composition root serves this renderer. */
  host: z.enum(['electron', 'browser-host']),
  /** The operating system's preferred language, mapped to one we ship. */
  systemLocale: LocaleSchema,
  /** Where screen capture happens: in main (desktopCapturer) or in the page (getDisplayMedia). */
  screenCapture: z.enum(['main', 'renderer', 'none']),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

const LanguageSettingSchema = z.enum(['system', ...LOCALES]);
export const SettingsSchema = z.object({
  /** 'system' follows the OS language. */
  language: LanguageSettingSchema,
  /** Clear a copied code from the clipboard after 30 s. A default, so settings saved before it existed stay valid. */
  clearClipboard: z.boolean().default(DEFAULT_SETTINGS.clearClipboard),
});
export type Settings = z.infer<typeof SettingsSchema>;
// Spelled out without defaults: a partial update must never reset a field it does not name.
export const SettingsUpdateSchema = z.object({ language: LanguageSettingSchema, clearClipboard: z.boolean() }).partial().strict();
