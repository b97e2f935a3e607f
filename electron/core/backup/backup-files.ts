import { mkdir, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { AppError } from '@shared/result';

/** Backups written automatically: `flex-hrm-connect-<UTC time>.flexbackup`, sortable by name. */
const BACKUP_EXTENSION = '.flexbackup';
const PREFIX = 'flex-hrm-connect-';
/** The names `backupFileName` gives: the automatic backups' rotation removes only these. */
export const AUTO_BACKUP_NAME = /^flex-hrm-connect-\d{8}T\d{9}Z(?:-\d+)?\.flexbackup$/;

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:.]/g, '');

/** An encrypted backup's file name at this time; `n` (1, 2, …) when that name is taken already. */
export const backupFileName = (ms: number, n = 0): string => `${PREFIX}${stamp(ms)}${n ? `-${n}` : ''}${BACKUP_EXTENSION}`;

/** The unencrypted list's file name: it says PLAIN so nobody takes it for a backup. */
export const plainExportName = (ms: number): string => `${PREFIX}${stamp(ms)}-PLAIN.txt`;

/** The backup folder exists (created when missing) and is a folder, or `backup.folder-unavailable`. */
export async function checkFolder(folder: string): Promise<void> {
  // A relative path would depend on where the app was started from.
  if (!isAbsolute(folder)) throw new AppError('backup.folder-unavailable', { folder });
  try {
    await mkdir(folder, { recursive: true });
    if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
  } catch (e) {
    throw new AppError('backup.folder-unavailable', { folder }, { cause: e });
  }
}
