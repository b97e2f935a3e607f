import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppErrorData } from '@shared/contract/errors';
import type { Clock } from '@shared/clock';
import { strongEnoughForBackup } from '@shared/password-strength';
import { AppError, isClientError } from '@shared/result';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { AUTO_BACKUP_NAME, backupFileName, checkFolder } from './backup-files';
import { createBackupKey, type BackupKey, type PasswordSlot } from './format';

export interface AutoBackupStatus {
  folder: string | null;
  keep: number;
  lastBackupAt: number | null;
  lastError: AppErrorData | null;
}

export interface AutoBackupOptions {
  settings: SettingsStore;
  /** Where the automatic backups' key lives (the OS keychain under the credentials service). */
  keyStore: SecretStore;
  clock: Clock;
  /** Every account sealed with this key (BackupExport.sealed). */
  seal: (backupKey: BackupKey) => Promise<string>;
}

const AUTO_KEY = 'backup.auto-key';
const AutoSettingsSchema = z.object({ folder: z.string().min(1), keep: z.number().int().min(1).max(100) });
const StoredKeySchema = z.object({ masterKey: z.string(), slot: z.unknown() });
export const DEFAULT_KEEP = 10;

/**
 * Automatic backups: a folder, how many to keep, and the password's key in the keychain; a new
 * encrypted backup after each change of the vault (debounced), the oldest beyond `keep` removed.
 */
export class AutoBackup {
  private autoTimer: NodeJS.Timeout | null = null;
  private autoRun: Promise<void> = Promise.resolve();
  private lastBackupAt: number | null = null;
  private lastError: AppErrorData | null = null;

  constructor(private readonly o: AutoBackupOptions) {}

  /** The folder and count, when automatic backups are on. */
  settings(): z.infer<typeof AutoSettingsSchema> | null {
    return this.o.settings.read('backup.auto', AutoSettingsSchema.nullable(), null);
  }

  async status(): Promise<AutoBackupStatus> {
    const s = this.settings();
    const hasKey = s ? (await this.storedKey()) !== null : false;
    return {
      folder: s && hasKey ? s.folder : null,
      keep: s?.keep ?? DEFAULT_KEEP,
      lastBackupAt: this.lastBackupAt,
      lastError: this.lastError,
    };
  }

  /** Turns automatic backups on (or changes them): the password's slot is derived once and kept in the keychain. */
  async configure(folder: string, keep: number, password: string): Promise<AutoBackupStatus> {
    if (!strongEnoughForBackup(password)) throw new AppError('backup.password-weak');
    await checkFolder(folder);
    const backupKey = await createBackupKey(password);
    await this.o.keyStore.set(AUTO_KEY, JSON.stringify({ masterKey: backupKey.masterKey.toString('base64'), slot: backupKey.slot }));
    this.o.settings.write('backup.auto', { folder, keep });
    this.lastError = null;
    await this.runAuto();
    return this.status();
  }

  async disable(): Promise<AutoBackupStatus> {
    this.o.settings.write('backup.auto', undefined);
    await this.o.keyStore.delete(AUTO_KEY).catch(() => false);
    this.lastError = null;
    return this.status();
  }

  private async storedKey(): Promise<BackupKey | null> {
    const raw = await this.o.keyStore.get(AUTO_KEY).catch(() => null);
    if (!raw) return null;
    const parsed = StoredKeySchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    return { masterKey: Buffer.from(parsed.data.masterKey, 'base64'), slot: parsed.data.slot as PasswordSlot };
  }

  /** After each change of the vault (debounced): a new backup, and only the newest `keep` are kept. */
  scheduleAuto(delayMs = 500): void {
    if (!this.settings()) return;
    if (this.autoTimer) clearTimeout(this.autoTimer);
    this.autoTimer = setTimeout(() => {
      this.autoTimer = null;
      void this.runAuto();
    }, delayMs);
    this.autoTimer.unref();
  }

  /** Runs one automatic backup now (serialised); failures are kept for the status, never thrown. */
  runAuto(): Promise<void> {
    this.autoRun = this.autoRun.then(() => this.writeAuto()).catch(() => undefined);
    return this.autoRun;
  }

  private async writeAuto(): Promise<void> {
    const s = this.settings();
    if (!s) return;
    try {
      const backupKey = await this.storedKey();
      if (!backupKey) return;
      await checkFolder(s.folder);
      const now = this.o.clock.now();
      let name = backupFileName(now);
      const names = new Set(await readdir(s.folder));
      for (let n = 1; names.has(name); n++) name = backupFileName(now, n);
      const tmp = join(s.folder, `.${name}.tmp`);
      await writeFile(tmp, await this.o.seal(backupKey), { mode: 0o600 });
      await rename(tmp, join(s.folder, name));
      const ours = (await readdir(s.folder)).filter((f) => AUTO_BACKUP_NAME.test(f)).sort();
      for (const old of ours.slice(0, Math.max(0, ours.length - s.keep))) await rm(join(s.folder, old), { force: true });
      this.lastBackupAt = now;
      this.lastError = null;
    } catch (e) {
      this.lastError = isClientError(e) ? e.toData() : { code: 'backup.folder-unavailable', params: { folder: s.folder } };
    }
  }

  /** Waits for a scheduled backup (quit, tests). */
  async flush(): Promise<void> {
    if (this.autoTimer) {
      clearTimeout(this.autoTimer);
      this.autoTimer = null;
      await this.runAuto();
    }
    await this.autoRun;
  }
}
