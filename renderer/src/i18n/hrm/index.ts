import { hrmEn } from './en';
import { hrmSv } from './sv';

/**
 * The HRM sign-in, mailbox and push-prompt messages per locale (top-level keys `hrm`, `mailbox`,
 * `push`), for the app's i18n setup to spread into its own: `{ ...appSv, ...hrmMessages.sv }`.
 */
export const hrmMessages = { en: hrmEn, sv: hrmSv } as const;
