import { z } from 'zod';

/** An address with a local part, a domain with a dot, no spaces: the one check both the client and the server make. */
const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** Trimmed and lower-cased, so "Anna.Svensson@Foretaget.se " and the stored address match. */
export const EmailSchema = z.string().trim().toLowerCase().max(254).regex(EMAIL_RE, 'email');
