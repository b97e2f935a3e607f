import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '@shared/clock';
import { strongEnoughForBackup } from '@shared/password-strength';
import { AppError } from '@shared/result';
import { formatOtpauthUri } from '../otp/otpauth-uri';
import { pickOtpFields } from '../otp/spec';
import type { VaultService } from '../vault/vault-service';
import { backupFileName, checkFolder, plainExportName } from './backup-files';
import { createBackupKey, sealBackup, type BackupAccount, type BackupKey, type BackupPayload } from './format';

export interface BackupExportOptions {
  vault: Pick<VaultService, 'snapshot'>;
  clock: Clock;
  appName: string;
  /** The OS save dialog (Electron) for the unencrypted list; null when cancelled. */
  choosePlainExportPath?: ((defaultName: string) => Promise<string | null>) | undefined;
  /** The automatic backups' folder, if they are on: where the plain list goes without a dialog. */
  backupFolder: () => string | null;
}

/** Export: the encrypted backup file (by hand, and for the automatic backups) and the plain otpauth:// list. */
export class BackupExport {
  constructor(private readonly o: BackupExportOptions) {}

  private async payload(): Promise<BackupPayload> {
    const accounts = await this.o.vault.snapshot();
    const rows: BackupAccount[] = accounts.map((a) => ({ ...pickOtpFields(a), pinned: a.pinned, position: a.position, groups: a.groups }));
    const groups = [...new Set(accounts.flatMap((a) => a.groups))].map((name) => ({ name }));
    return { exportedAt: new Date(this.o.clock.now()).toISOString(), app: this.o.appName, accounts: rows, groups };
  }

  /** Every account, sealed with this key: the text of a backup file. */
  async sealed(backupKey: BackupKey): Promise<string> {
    return sealBackup(await this.payload(), backupKey);
  }

  /** An encrypted backup of every account; refuses a password zxcvbn scores below 3. */
  async exportEncrypted(password: string): Promise<{ fileName: string; text: string }> {
    if (!strongEnoughForBackup(password)) throw new AppError('backup.password-weak');
    const text = await this.sealed(await createBackupKey(password));
    return { fileName: backupFileName(this.o.clock.now()), text };
  }

  /** Every account as an otpauth:// line, unencrypted. Callers warn first. */
  async exportPlain(): Promise<string> {
    const accounts = await this.o.vault.snapshot();
    return accounts.map((a) => formatOtpauthUri(a)).join('\n') + (accounts.length ? '\n' : '');
  }

  /**
   * The plain list written where the user chose in the OS save dialog (Electron), or else into the
   * backup folder (the browser host has no dialog in main). Answers with the path; null: cancelled.
   */
  async exportPlainToFolder(): Promise<string | null> {
    const name = plainExportName(this.o.clock.now());
    if (this.o.choosePlainExportPath) {
      const chosen = await this.o.choosePlainExportPath(name);
      if (!chosen) return null;
      await writeFile(chosen, await this.exportPlain(), { mode: 0o600 });
      return chosen;
    }
    const folder = this.o.backupFolder();
    if (!folder) throw new AppError('backup.no-folder');
    await checkFolder(folder);
    const path = join(folder, name);
    await writeFile(path, await this.exportPlain(), { mode: 0o600 });
    return path;
  }
}
