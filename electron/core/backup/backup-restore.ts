import { randomUUID } from 'node:crypto';
import type { Clock } from '@shared/clock';
import { AppError, isAppError } from '@shared/result';
import { readExport, type ExportFormat, type ImportedAccount, type UnsupportedEntry } from '../import';
import type { OtpAccountSpec } from '../otp/spec';
import type { VaultService } from '../vault/vault-service';

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

export interface BackupRestoreOptions {
  vault: Pick<VaultService, 'snapshot' | 'add' | 'replace' | 'setPinned' | 'setGroups' | 'reorder'>;
  clock: Clock;
  /** After an import changed the vault. */
  onVaultChanged?: (() => void) | undefined;
}

const PREVIEW_TTL_MS = 10 * 60 * 1000;
const MAX_PREVIEWS = 4;

const key = (s: string) => s.trim().toLocaleLowerCase();
const sameName = (a: { issuer: string; label: string }, b: { issuer: string; label: string }) =>
  key(a.issuer) === key(b.issuer) && key(a.label) === key(b.label);
const sameCode = (a: OtpAccountSpec, b: OtpAccountSpec) =>
  a.secret === b.secret &&
  a.type === b.type &&
  a.algorithm === b.algorithm &&
  a.digits === b.digits &&
  (a.type === 'hotp' || a.period === b.period);

/**
 * Restore and import: a file (a backup or another app's export) is read into a preview by name,
 * and only a confirmed preview changes the vault. Previews hold secrets, in this process only.
 */
export class BackupRestore {
  private readonly previews = new Map<string, { createdAt: number; accounts: ImportedAccount[]; preview: ImportPreview }>();

  constructor(private readonly o: BackupRestoreOptions) {}

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
        const { pinned, groups, ...clean } = spec;
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
        // Groups travel with a backup; an export without them keeps a replaced account's.
        const fileGroups = groups ?? [];
        const keptGroups = fileGroups.length > 0 ? fileGroups : (named?.groups ?? []);
        if (keptGroups.length > 0) this.o.vault.setGroups(id, keptGroups);
        current.push({ ...clean, id, pinned: isPinned, position: 0, createdAt: 0, groups: keptGroups, lastUsedAt: null });
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
}
