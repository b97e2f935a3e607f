import type { Clock } from '@shared/clock';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import type { VaultService } from '../vault/vault-service';
import { AutoBackup, type AutoBackupStatus } from './auto-backup';
import { BackupExport } from './backup-export';
import { BackupRestore, type ImportOutcome, type ImportPreview } from './backup-restore';

export interface BackupServiceOptions {
  vault: VaultService;
  settings: SettingsStore;
  /** Where the automatic backups' key lives (the OS keychain under the credentials service). */
  keyStore: SecretStore;
  clock: Clock;
  appName: string;
  /** The OS save dialog (Electron) for the unencrypted list; null when cancelled. */
  choosePlainExportPath?: (defaultName: string) => Promise<string | null>;
  /** After an import changed the vault. */
  onVaultChanged?: () => void;
}

/**
 * Export (backup-export.ts), restore/import with a preview (backup-restore.ts), and automatic
 * backups (auto-backup.ts), behind the one object the IPC handlers and the CLI use. Secrets stay
 * here: the renderer gets file contents only encrypted, and previews by name.
 */
export class BackupService {
  private readonly exporter: BackupExport;
  private readonly restorer: BackupRestore;
  private readonly auto: AutoBackup;

  constructor(o: BackupServiceOptions) {
    const { vault, clock } = o;
    this.exporter = new BackupExport({
      vault,
      clock,
      appName: o.appName,
      choosePlainExportPath: o.choosePlainExportPath,
      backupFolder: () => this.auto.settings()?.folder ?? null,
    });
    this.restorer = new BackupRestore({ vault, clock, onVaultChanged: o.onVaultChanged });
    this.auto = new AutoBackup({ settings: o.settings, keyStore: o.keyStore, clock, seal: (key) => this.exporter.sealed(key) });
  }

  // ---- export ----

  exportEncrypted(password: string): Promise<{ fileName: string; text: string }> {
    return this.exporter.exportEncrypted(password);
  }

  exportPlain(): Promise<string> {
    return this.exporter.exportPlain();
  }

  exportPlainToFolder(): Promise<string | null> {
    return this.exporter.exportPlainToFolder();
  }

  // ---- import / restore ----

  preview(bytes: Uint8Array, password: string | undefined): Promise<ImportPreview> {
    return this.restorer.preview(bytes, password);
  }

  discard(previewId: string): void {
    this.restorer.discard(previewId);
  }

  apply(previewId: string): Promise<ImportOutcome> {
    return this.restorer.apply(previewId);
  }

  // ---- automatic backups ----

  status(): Promise<AutoBackupStatus> {
    return this.auto.status();
  }

  configure(folder: string, keep: number, password: string): Promise<AutoBackupStatus> {
    return this.auto.configure(folder, keep, password);
  }

  disable(): Promise<AutoBackupStatus> {
    return this.auto.disable();
  }

  scheduleAuto(delayMs?: number): void {
    this.auto.scheduleAuto(delayMs);
  }

  flush(): Promise<void> {
    return this.auto.flush();
  }
}
