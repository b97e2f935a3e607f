import { z } from 'zod';
import { AppError } from '@shared/result';
import { parseOtpauthUri } from '../otp/otpauth-uri';
import { collect, entryName, fromFields, type ExportEntry, type ImportedExport } from './collect';

const malformed = (app: string) => () => {
  throw new AppError('import.malformed', { app });
};

/** andOTP plain JSON backup: an array of entries (format: andOTP's Entry.toJSON). */
const AndOtpEntry = z
  .object({
    secret: z.string().default(''),
    issuer: z.string().optional(),
    label: z.string().default(''),
    digits: z.number().optional(),
    type: z.string().default('TOTP'),
    algorithm: z.string().optional(),
    period: z.number().optional(),
    counter: z.number().optional(),
  })
  .loose();
export const AndOtpFileSchema = z.array(z.object({ secret: z.string(), type: z.string() }).loose()).min(1);

export function importAndOtp(file: readonly unknown[]): ImportedExport {
  const entries: ExportEntry[] = file.map((raw, i) => {
    const e = AndOtpEntry.safeParse(raw);
    if (!e.success) return { name: `#${i + 1}`, toSpec: malformed('andOTP') };
    const { issuer, label, secret, type, algorithm, digits, period, counter } = e.data;
    return {
      name: entryName(issuer, label, `#${i + 1}`),
      toSpec: fromFields({ type, issuer, label, secret, algorithm, digits, period, counter }),
    };
  });
  return collect('andotp', entries);
}

/**
 * Bitwarden unencrypted JSON export: `items[].login.totp` is an otpauth URI, `steam://SECRET`, or
 * a bare base32 secret (then the item's name is the issuer and its username the label).
 */
const BitwardenItem = z
  .object({
    name: z.string().default(''),
    login: z.object({ totp: z.string().nullable().optional(), username: z.string().nullable().optional() }).loose().nullable().optional(),
  })
  .loose();
export const BitwardenFileSchema = z.object({ encrypted: z.boolean(), items: z.array(z.unknown()) }).loose();

export function importBitwarden(file: z.infer<typeof BitwardenFileSchema>): ImportedExport {
  if (file.encrypted) throw new AppError('import.unsupported-encryption', { app: 'Bitwarden' });
  const entries: ExportEntry[] = [];
  file.items.forEach((raw, i) => {
    const item = BitwardenItem.safeParse(raw);
    if (!item.success) {
      entries.push({ name: `#${i + 1}`, toSpec: malformed('Bitwarden') });
      return;
    }
    const totp = item.data.login?.totp?.trim();
    if (!totp) return; // A login without a TOTP is not an authenticator entry.
    const name = item.data.name || `#${i + 1}`;
    if (/^otpauth:/i.test(totp)) {
      entries.push({ name, toSpec: () => parseOtpauthUri(totp) });
      return;
    }
    const steam = /^steam:\/\/(.*)$/i.exec(totp);
    if (steam) {
      entries.push({ name, toSpec: fromFields({ type: 'steam', issuer: item.data.name, secret: steam[1] }) });
      return;
    }
    entries.push({ name, toSpec: fromFields({ issuer: item.data.name, label: item.data.login?.username ?? '', secret: totp }) });
  });
  return collect('bitwarden', entries);
}

/**
 * A text file of otpauth:// lines: Ente Auth's plain export, Aegis's and others' "plain text"
 * exports. Blank lines are skipped; every other line is an account or a reported entry.
 */
export function importOtpauthLines(text: string): ImportedExport {
  const entries: ExportEntry[] = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((line, i) => ({ name: lineName(line) ?? `#${i + 1}`, toSpec: () => parseOtpauthUri(line) }));
  return collect('otpauth-list', entries);
}

function lineName(line: string): string | undefined {
  const m = /^otpauth:\/\/[^/]*\/([^?]*)/i.exec(line);
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]).replace(':', ': ');
  } catch {
    return undefined;
  }
}
