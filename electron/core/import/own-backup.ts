import { AppError } from '@shared/result';
import { BackupAccountSchema, openBackup } from '../backup/format';
import { pickOtpFields } from '../otp/spec';
import { collect, entryName, fromFields, type ExportEntry, type ImportedExport } from './collect';

export const OWN_APP_NAME = 'Flex HRM Connect';

/** This app's encrypted backup: every account with where it was kept (pinned, groups); order is the file's. */
export async function importOwnBackup(text: string, password: string | undefined): Promise<ImportedExport> {
  if (password === undefined) throw new AppError('import.password-required', { app: OWN_APP_NAME });
  const backup = await openBackup(text, password);
  const entries: ExportEntry[] = backup.accounts.map((raw, i) => {
    const parsed = BackupAccountSchema.safeParse(raw);
    if (!parsed.success) {
      const r = raw as { issuer?: unknown; label?: unknown } | null;
      return {
        name: entryName(r?.issuer, r?.label, `#${i + 1}`),
        toSpec: () => {
          throw new AppError('import.malformed', { app: OWN_APP_NAME });
        },
      };
    }
    const a = parsed.data;
    const toSpec = fromFields(pickOtpFields(a));
    return { name: entryName(a.issuer, a.label, `#${i + 1}`), toSpec: () => ({ ...toSpec(), pinned: a.pinned, groups: a.groups }) };
  });
  // Accounts keep the file's order (sorted by position when written), pinned ones first as the app shows them.
  return collect('flex-backup', entries);
}
