import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppErrorData } from '@shared/contract/errors';
import type { Clock } from '@shared/clock';
import { strongEnoughForBackup } from '@shared/password-strength';
import { AppError, isAppError, isClientError } from '@shared/result';
import { readExport, type ExportFormat, type ImportedAccount, type UnsupportedEntry } from '../import';
import { formatOtpauthUri } from '../otp/otpauth-uri';
import type { OtpAccountSpec } from '../otp/spec';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import type { VaultService } from '../vault/vault-service';
import { createBackupKey, sealBackup, type BackupAccount, type BackupKey, type PasswordSlot } from './format';

export type ImportAction = 'add' | 'replace' | 'skip';

export interface PreviewItem {
  name: string;
  issuer: string;
  label: string;
  type: OtpAccountSpec['type'];
  action: ImportAction;
}

export interface ImportPreview {
  previewId: string;
  format: ExportFormat;
  items: PreviewItem[];
  unsupported: UnsupportedEntry[];
}

export interface ImportOutcome {
  added: number;
  replaced: number;
  /** Names of entries already in the vault (nothing changed for them). */
  skipped: string[];
  /** Names of entries this app cannot keep, each with its reason. */
  unsupported: UnsupportedEntry[];
}

export interface AutoBackupStatus {
  folder: string | null;
  keep: number;
  lastBackupAt: number | null;
  lastError: AppErrorData | null;
}

/** Backups written automatically: `flex-hrm-connect-<UTC time>.flexbackup`, sortable by name. */
export const BACKUP_EXTENSION = '.flexbackup';
const AUTO_PREFIX = 'flex-hrm-connect-';
const AUTO_RE = /^flex-hrm-connect-\d{8}T\d{9}Z(?:-\d+)?\.flexbackup$/;
const PREVIEW_TTL_MS = 10 * 60 * 1000;
const MAX_PREVIEWS = 4;
const AUTO_KEY = 'backup.auto-key';
const AutoSettingsSchema = z.object({ folder: z.string().min(1), keep: z.number().int().min(1).max(100) });
const StoredKeySchema = z.object({ masterKey: z.string(), slot: z.unknown() });
export const DEFAULT_KEEP = 10;

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:.]/g, '');
const key = (s: string) => s.trim().toLocaleLowerCase();
const sameName = (a: { issuer: string; label: string }, b: { issuer: string; label: string }) => key(a.issuer) === key(b.issuer) && key(a.label) === key(b.label);
const sameCode = (a: OtpAccountSpec, b: OtpAccountSpec) =>
  a.secret === b.secret && a.type === b.type && a.algorithm === b.algorithm && a.digits === b.digits && (a.type === 'hotp' || a.period === b.period);

export interface BackupServiceOptions {
  vault: VaultService;
  settings: SettingsStore;
  /** Where the automatic backups' key lives (the OS keychain under the credentials service). */
  keyStore: SecretStore;
  clock: Clock;
  appName: string;
  /** After an import changed the vault. */
  onVaultChanged?: () => void;
}

/**
 * Export, restore/import with a preview, and automatic backups. Secrets stay here: the renderer
 * gets file contents only encrypted, and previews by name.
 */
export class BackupService {
  private readonly previews = new Map<string, { createdAt: number; accounts: ImportedAccount[]; preview: ImportPreview }>();
  private autoTimer: NodeJS.Timeout | null = null;
  private autoRun: Promise<void> = Promise.resolve();
  private lastBackupAt: number | null = null;
  private lastError: AppErrorData | null = null;

  constructor(private readonly o: BackupServiceOptions) {}

  private async payload(): Promise<string> {
    const accounts = await this.o.vault.snapshot();
    const rows: BackupAccount[] = accounts.map((a) => ({
      type: a.type,
      issuer: a.issuer,
      label: a.label,
      secret: a.secret,
      algorithm: a.algorithm,
      digits: a.digits,
      period: a.period,
      counter: a.counter,
      pinned: a.pinned,
      position: a.position,
      groups: [],
    }));
    return JSON.stringify({ exportedAt: new Date(this.o.clock.now()).toISOString(), app: this.o.appName, accounts: rows, groups: [] });
  }

  private async sealed(backupKey: BackupKey): Promise<string> {
    return sealBackup(JSON.parse(await this.payload()), backupKey);
  }

  /** An encrypted backup of every account; refuses a password zxcvbn scores below 3. */
  async exportEncrypted(password: string): Promise<{ fileName: string; text: string }> {
    if (!strongEnoughForBackup(password)) throw new AppError('backup.password-weak');
    const text = await this.sealed(await createBackupKey(password));
    return { fileName: `${AUTO_PREFIX}${stamp(this.o.clock.now())}${BACKUP_EXTENSION}`, text };
  }

  /** Every account as an otpauth:// line, unencrypted. Callers warn first. */
  async exportPlain(): Promise<string> {
    const accounts = await this.o.vault.snapshot();
    return accounts.map((a) => formatOtpauthUri(a)).join('\n') + (accounts.length ? '\n' : '');
  }

  /** The plain list written into the backup folder (the app has no save dialog in main); answers with the path. */
  async exportPlainToFolder(): Promise<string> {
    const folder = this.autoSettings()?.folder;
    if (!folder) throw new AppError('backup.no-folder');
    await this.checkFolder(folder);
    const path = join(folder, `${AUTO_PREFIX}${stamp(this.o.clock.now())}-PLAIN.txt`);
    await writeFile(path, await this.exportPlain(), { mode: 0o600 });
    return path;
  }

  // ---- import / restore ----

  async preview(bytes: Uint8Array, password: string | undefined): Promise<ImportPreview> {
    const file = await readExport(bytes, password);
    const existing = await this.o.vault.snapshot();
    const seen: ImportedAccount[] = [];
    const items: PreviewItem[] = file.accounts.map((a) => {
      const name = [a.issuer, a.label].filter(Boolean).join(': ');
      const item = { name, issuer: a.issuer, label: a.label, type: a.type };
      // Twice in one file: the first one counts.
      if (seen.some((s) => sameName(s, a) || s.secret === a.secret)) return { ...item, action: 'skip' as const };
      seen.push(a);
      const named = existing.find((e) => sameName(e, a));
      // Another account has this key: the vault keeps one account per key, so it stays as it is.
      if (existing.some((e) => e !== named && e.secret === a.secret)) return { ...item, action: 'skip' as const };
      if (named) return { ...item, action: sameCode(named, a) ? ('skip' as const) : ('replace' as const) };
      if (existing.some((e) => e.secret === a.secret)) return { ...item, action: 'skip' as const };
      return { ...item, action: 'add' as const };
    });
    this.sweepPreviews();
    // Previews hold secrets in memory: only the newest few are kept.
    while (this.previews.size >= MAX_PREVIEWS) this.previews.delete(this.previews.keys().next().value as string);
    const preview: ImportPreview = { previewId: randomUUID(), format: file.format, items, unsupported: file.unsupported };
    this.previews.set(preview.previewId, { createdAt: this.o.clock.now(), accounts: file.accounts, preview });
    return preview;
  }

  discard(previewId: string): void {
    this.previews.delete(previewId);
  }

  private sweepPreviews(): void {
    const now = this.o.clock.now();
    for (const [id, p] of this.previews) if (now - p.createdAt > PREVIEW_TTL_MS) this.previews.delete(id);
  }

  /**
   * Carries out a preview: adds, replaces (the old account is deleted, the new one takes its
   * place in the list) and skips as shown. The vault is checked again, so a change made since the
   * preview is respected (an account added meanwhile is skipped, not doubled).
   */
  async apply(previewId: string): Promise<ImportOutcome> {
    this.sweepPreviews();
    const pending = this.previews.get(previewId);
    if (!pending) throw new AppError('backup.preview-expired');
    this.previews.delete(previewId);
    const outcome: ImportOutcome = { added: 0, replaced: 0, skipped: [], unsupported: pending.preview.unsupported };
    let changed = false;
    try {
      // One read of the vault, kept current as accounts are added and removed (not one per account).
      const current = await this.o.vault.snapshot();
      const order = current.map((a) => a.id);
      for (const [i, item] of pending.preview.items.entries()) {
        const spec = pending.accounts[i];
        if (!spec) continue;
        const named = current.find((e) => sameName(e, spec));
        // Already there (also when added since the preview), or its key is another account's: the
        // vault would refuse it, and a replacement must not remove the old one for nothing.
        if (item.action === 'skip' || (named && sameCode(named, spec)) || current.some((e) => e !== named && e.secret === spec.secret)) {
          outcome.skipped.push(item.name);
          continue;
        }
        const { pinned, groups: _groups, ...clean } = spec;
        let id: string;
        try {
          // A replacement swaps the accounts in one step: a failure leaves the old one as it was.
          id = named ? (await this.o.vault.replace(named.id, clean)).id : (await this.o.vault.add(clean)).id;
        } catch (e) {
          if (isAppError(e) && e.code === 'vault.duplicate-account') {
            outcome.skipped.push(item.name);
            continue;
          }
          throw e;
        }
        if (named) current.splice(current.indexOf(named), 1);
        changed = true;
        // A backup says whether it was pinned; another app's export does not (a replacement keeps the old one's).
        const isPinned = pinned ?? named?.pinned ?? false;
        if (isPinned !== (named?.pinned ?? false)) this.o.vault.setPinned(id, isPinned);
        current.push({ ...clean, id, pinned: isPinned, position: 0, createdAt: 0 });
        if (named) {
          order[order.indexOf(named.id)] = id;
          outcome.replaced++;
        } else {
          order.push(id);
          outcome.added++;
        }
      }
      if (changed) this.o.vault.reorder(order);
    } finally {
      if (changed) this.o.onVaultChanged?.();
    }
    return outcome;
  }

  // ---- automatic backups ----

  private autoSettings(): z.infer<typeof AutoSettingsSchema> | null {
    return this.o.settings.read('backup.auto', AutoSettingsSchema.nullable(), null);
  }

  async status(): Promise<AutoBackupStatus> {
    const s = this.autoSettings();
    const hasKey = s ? (await this.storedKey()) !== null : false;
    return { folder: s && hasKey ? s.folder : null, keep: s?.keep ?? DEFAULT_KEEP, lastBackupAt: this.lastBackupAt, lastError: this.lastError };
  }

  private async checkFolder(folder: string): Promise<void> {
    try {
      await mkdir(folder, { recursive: true });
      if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
    } catch (e) {
      throw new AppError('backup.folder-unavailable', { folder }, { cause: e });
    }
  }

  /** Turns automatic backups on (or changes them): the password's slot is derived once and kept in the keychain. */
  async configure(folder: string, keep: number, password: string): Promise<AutoBackupStatus> {
    if (!strongEnoughForBackup(password)) throw new AppError('backup.password-weak');
    await this.checkFolder(folder);
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
    if (!this.autoSettings()) return;
    if (this.autoTimer) clearTimeout(this.autoTimer);
    this.autoTimer = setTimeout(() => {
      this.autoTimer = null;
      void this.runAuto();
    }, delayMs);
    this.autoTimer.unref?.();
  }

  /** Runs one automatic backup now (serialised); failures are kept for the status, never thrown. */
  runAuto(): Promise<void> {
    this.autoRun = this.autoRun.then(() => this.writeAuto()).catch(() => undefined);
    return this.autoRun;
  }

  private async writeAuto(): Promise<void> {
    const s = this.autoSettings();
    if (!s) return;
    try {
      const backupKey = await this.storedKey();
      if (!backupKey) return;
      await this.checkFolder(s.folder);
      const now = this.o.clock.now();
      let name = `${AUTO_PREFIX}${stamp(now)}${BACKUP_EXTENSION}`;
      const names = new Set(await readdir(s.folder));
      for (let n = 1; names.has(name); n++) name = `${AUTO_PREFIX}${stamp(now)}-${n}${BACKUP_EXTENSION}`;
      const tmp = join(s.folder, `.${name}.tmp`);
      await writeFile(tmp, await this.sealed(backupKey), { mode: 0o600 });
      await rename(tmp, join(s.folder, name));
      const ours = (await readdir(s.folder)).filter((f) => AUTO_RE.test(f)).sort();
      for (const old of ours.slice(0, Math.max(0, ours.length - s.keep))) await rm(join(s.folder, old), { force: true });
      this.lastBackupAt = now;
      this.lastError = null;
    } catch (e) {
      this.lastError = isClientError(e) ? (e.toData() as AppErrorData) : { code: 'backup.folder-unavailable', params: { folder: s.folder } };
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
