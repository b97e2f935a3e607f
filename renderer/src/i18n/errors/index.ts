import { errorsEn } from './en';
import { errorsSv } from './sv';

/** The error texts under one key, `errorText['<code>']`, so a code's dots are not read as a path. */
export const errorMessages = {
  sv: { errorText: errorsSv },
  en: { errorText: errorsEn },
} as const;
