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
  /** Desktop: closing the window keeps the app in the tray, so push approvals still reach the user. */
  closeToTray: z.boolean().default(DEFAULT_SETTINGS.closeToTray),
  /** Desktop: start (in the tray) when the user signs in to the computer. */
  startAtLogin: z.boolean().default(DEFAULT_SETTINGS.startAtLogin),
});
export type Settings = z.infer<typeof SettingsSchema>;
// Spelled out without defaults: a partial update must never reset a field it does not name.
export const SettingsUpdateSchema = z
  .object({ language: LanguageSettingSchema, clearClipboard: z.boolean(), closeToTray: z.boolean(), startAtLogin: z.boolean() })
  .partial()
  .strict();

/** Settings > About: where the logs are and a text for support (versions, recent errors; never a secret). */
export const DiagnosticsSchema = z.object({ logFolder: z.string().nullable(), text: z.string().max(200_000) });
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

/**
 * The desktop updater's state (electron/main/updater.ts). 'off' where no feed is configured (and
 * in the browser host); 'ready' once an update is downloaded: the UI offers "Restart to update".
 */
export const UpdateStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off') }),
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('downloading'), version: z.string().max(100) }),
  z.object({ state: z.literal('ready'), version: z.string().max(100) }),
  z.object({ state: z.literal('error') }),
]);
export type UpdateState = z.infer<typeof UpdateStateSchema>;

/** Where main may send the renderer (a notification or the tray menu was clicked). */
export const NavigateSchema = z.object({ to: z.enum(['authenticator', 'hrm', 'settings']) });

/** A deep link as the renderer receives it (checked against shared/deep-links.ts in main). */
export const DeepLinkSchema = z.object({ path: z.string().max(100), query: z.record(z.string(), z.string().max(4096)) });
export const PendingDeepLinksSchema = z.object({ links: z.array(DeepLinkSchema).max(20) });
