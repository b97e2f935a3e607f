import { prepEn } from './en';
import { prepSv } from './sv';

/** Account preparation messages per locale (top-level key `prep`), spread into the app's own. */
export const prepMessages = { en: prepEn, sv: prepSv } as const;
