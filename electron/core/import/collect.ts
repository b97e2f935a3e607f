import type { AppErrorData } from '@shared/contract/errors';
import { isClientError } from '@shared/result';
import { toAccountSpec, type OtpAccountSpec, type RawOtpFields } from '../otp/spec';

/** An entry of an export that cannot become an account here, named so the user can see which. */
export interface UnsupportedEntry {
  name: string;
  reason: AppErrorData;
}

/** What one export file holds: the accounts this app can keep and, by name, every entry it cannot. */
export interface ImportedExport {
  format: ExportFormat;
  accounts: ImportedAccount[];
  unsupported: UnsupportedEntry[];
}

export type ExportFormat = 'flex-backup' | 'aegis' | '2fas' | 'andotp' | 'bitwarden' | 'otpauth-list';

/** An account read from a file; this app's own backups also carry where it was kept (pinned, groups). */
export type ImportedAccount = OtpAccountSpec & { pinned?: boolean; groups?: string[] };

/** One entry of an export: its display name and how to make the account (which may throw an AppError). */
export interface ExportEntry {
  name: string;
  toSpec: () => ImportedAccount;
}

export const entryName = (issuer: unknown, label: unknown, fallback: string): string => {
  const parts = [issuer, label].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return parts.length > 0 ? parts.join(': ') : fallback;
};

/** Fields as an export names them, checked by the one rule set every way of adding an account uses. */
export const fromFields = (raw: RawOtpFields): (() => OtpAccountSpec) => () => toAccountSpec(raw);

/**
 * Every entry either becomes an account or is reported with the reason, never dropped. A
 * failure that is not an expected rule (a bug) is not swallowed: it propagates.
 */
export function collect(format: ExportFormat, entries: readonly ExportEntry[]): ImportedExport {
  const accounts: ImportedAccount[] = [];
  const unsupported: UnsupportedEntry[] = [];
  for (const entry of entries) {
    try {
      accounts.push(entry.toSpec());
    } catch (e) {
      if (!isClientError(e)) throw e;
      unsupported.push({ name: entry.name, reason: e.toData() as AppErrorData });
    }
  }
  return { format, accounts, unsupported };
}
