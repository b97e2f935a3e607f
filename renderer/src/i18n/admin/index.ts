import { adminEn } from './en';
import { adminSv } from './sv';

/** Administration and Connect account page messages per locale (top-level keys `admin`, `connectAccount`). */
export const adminMessages = { en: adminEn, sv: adminSv } as const;
