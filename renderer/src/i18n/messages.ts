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
import { desktopEn } from '@shared/i18n/desktop/en';
import { desktopSv } from '@shared/i18n/desktop/sv';
import { backupEn } from './backup/en';
import { backupSv } from './backup/sv';

/**
 * Every message of the app per locale: the shell/authenticator/settings texts plus the HRM ones.
 * The typed catalogues are the source; the production build replaces this module with the same
 * messages precompiled by @intlify/unplugin-vue-i18n (see electron.vite.config.ts), so the renderer
 * ships vue-i18n's runtime-only build and never compiles a message at run time. There, `messages`
 * is empty and `loadMessages` fetches one locale's chunk: the start path carries one language only.
 */
export const messages = {
  sv: { ...sv, ...hrmMessages.sv, ...prepMessages.sv, ...adminMessages.sv, ...scanSv, ...errorMessages.sv, ...otherAccountSv, ...setupFlowSv, ...desktopSv, ...backupSv },
  en: { ...en, ...hrmMessages.en, ...prepMessages.en, ...adminMessages.en, ...scanEn, ...errorMessages.en, ...otherAccountEn, ...setupFlowEn, ...desktopEn, ...backupEn },
} as const;

export type MessageSchema = (typeof messages)['sv'];

/** One locale's messages (here at hand; in the production build a chunk of its own). */
export const loadMessages = (locale: Locale): Promise<MessageSchema> => Promise.resolve(messages[locale]);
