import { errorsEn } from '../../../renderer/src/i18n/errors/en';
import { errorsSv } from '../../../renderer/src/i18n/errors/sv';

/** The error catalogue's texts per language (renderer/src/i18n/errors), as the page objects check them. */
export const ERROR_TEXTS = { en: errorsEn, sv: errorsSv } as const;
export type ErrorTextsOf = (typeof ERROR_TEXTS)['en'];
