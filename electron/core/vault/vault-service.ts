import { randomUUID } from 'node:crypto';
import { Mutex } from 'async-mutex';
import type { AccountView, AddAccountRequest, EditAccountRequest, KeychainState, VaultListResponse } from '@shared/contract';
import { ManualAccountInputSchema } from '@shared/contract';
import type { Clock } from '@shared/clock';
import { AppError, isAppError } from '@shared/result';
import type { SecretStore } from '../secrets/secret-store';
import { keychainError } from '../secrets/secret-store';
import { toAccountSpec, type OtpAccountSpec } from '../otp/spec';
import { AccountRepository, type AccountMeta } from './account-repository';
import { normalizeGroups } from './groups';
import { CodeGenerator } from './codes';

export type UriParser = (uri: string) => OtpAccountSpec[];

/**
 * The authenticator vault: metadata in SQLite, secrets in the keychain, codes computed here.
 * The keychain is read once (`open`), and the decoded secrets stay in this process; the
 * renderer only ever receives `AccountView`s.
 */
export class VaultService {
  private readonly repo: AccountRepository;
  private generators = new Map<string, CodeGenerator>();
  private secrets = new Map<string, string>();
  private state: KeychainState = 'unavailable';
  /**
   * Every write that awaits the keychain (open/reconcile, add, delete) runs under this one lock,
   * so a check made before an await (the duplicate check, reconcile's orphan sweep) still holds
   * when the write lands: ten identical adds at once give one account and nine duplicates.
   */
  private readonly writes = new Mutex();
  private readonly recoveredListeners: Array<() => void> = [];
  /** Throws while codes must not be produced (the app lock is on); see `guardCodes`. */
  private codeGuard: () => void = () => {};

  constructor(
    db: ConstructorParameters<typeof AccountRepository>[0],
    private readonly store: SecretStore,
    private readonly clock: Clock,
    private readonly parseUri: UriParser,
  ) {
    this.repo = new AccountRepository(db);
  }

  /**
   * The app lock's hook: called before any code is computed (list, copy, HOTP next); it throws
   * (`lock.locked`) while the app is locked, so main produces no code then, whatever asks.
   */
  guardCodes(guard: () => void): void {
    this.codeGuard = guard;
  }

  get keychainState(): KeychainState {
    return this.state;
  }

  /** Called when an `open` succeeds after the keychain was locked or missing (Retry worked). */
  onRecovered(fn: () => void): void {
    this.recoveredListeners.push(fn);
  }

  /** Start-up: finish or roll back half-done writes, then load every secret in one keychain call. */
  open(): Promise<KeychainState> {
    return this.writes.runExclusive(() => this.openNow());
  }

  private async openNow(): Promise<KeychainState> {
    const before = this.state;
    try {
      await this.reconcile();
      const entries = await this.store.list();
      this.secrets = new Map(entries.map((e) => [e.key, e.value]));
      this.generators = new Map();
      this.state = 'ok';
      if (before !== 'ok') for (const fn of this.recoveredListeners) fn();
    } catch (e) {
      this.noteFailure(e);
    }
    return this.state;
  }

  /** A keychain call failed: the state says so until a later `open` (vault.listAccounts) succeeds. */
  private noteFailure(e: unknown): void {
    this.state = isAppError(e) && e.code === 'keychain.locked' ? 'locked' : 'unavailable';
  }

  /**
   * An add is: intent -> keychain write -> row insert + intent cleared (one transaction).
   * A delete is: intent + row removal (one transaction) -> keychain delete -> intent cleared.
   * Whichever step a crash interrupts, this brings both stores back into agreement, and keychain
   * entries with no row and no intent (orphans from older crashes) are removed.
   */
  private async reconcile(): Promise<void> {
    for (const intent of this.repo.intents()) {
      if (intent.op === 'add') {
        const secret = await this.store.get(intent.accountId);
        this.repo.transaction(() => {
          if (secret && !this.repo.get(intent.accountId)) this.repo.insert(intent.meta);
          this.repo.clearIntent(intent.accountId);
        });
      } else {
        await this.store.delete(intent.accountId);
        this.repo.clearIntent(intent.accountId);
      }
    }
    const known = new Set(this.repo.all().map((a) => a.id));
    for (const { key } of await this.store.list()) {
      if (!known.has(key)) await this.store.delete(key);
    }
  }

  private requireKeychain(): void {
    if (this.state === 'locked') throw new AppError('keychain.locked');
    if (this.state !== 'ok') throw new AppError('keychain.unavailable');
  }

  async list(): Promise<VaultListResponse> {
    this.codeGuard();
    if (this.state !== 'ok') await this.open();
    const now = this.clock.now();
    return {
      accounts: this.repo.all().map((a) => this.view(a, now)),
      keychain: this.state,
      generatedAt: now,
    };
  }

  private view(a: AccountMeta, now: number): AccountView {
    const base = { ...a, counter: a.type === 'hotp' ? a.counter : null };
    const gen = this.generator(a.id);
    if (!gen) return { ...base, code: '', nextCode: null, validUntil: null };
    if (a.type === 'hotp') return { ...base, code: gen.hotp(a), nextCode: null, validUntil: null };
    if (a.type === 'steam') return { ...base, ...gen.steam(now) };
    return { ...base, ...gen.totp(a, now) };
  }

  private generator(id: string): CodeGenerator | null {
    let gen = this.generators.get(id);
    const secret = this.secrets.get(id);
    if (!gen && secret) {
      gen = new CodeGenerator(secret);
      this.generators.set(id, gen);
    }
    return gen ?? null;
  }

  /**
   * Every account with its secret, in the order the list shows them: for the encrypted backup and
   * the plain export, which run in main. Never sent to the renderer.
   */
  async snapshot(): Promise<Array<AccountMeta & { secret: string }>> {
    if (this.state !== 'ok') await this.open();
    this.requireKeychain();
    return this.repo.all().map((a) => {
      const secret = this.secrets.get(a.id);
      // A row without its keychain entry cannot be backed up; saying so beats a backup that lacks it.
      if (!secret) throw new AppError('keychain.unavailable');
      return { ...a, secret };
    });
  }

  /** Turns any add request into validated specs (a migration QR may hold several accounts). */
  specsFrom(req: AddAccountRequest): OtpAccountSpec[] {
    if (req.source === 'uri') return this.parseUri(req.uri);
    const m = ManualAccountInputSchema.parse(req);
    return [toAccountSpec({ ...m, label: m.label })];
  }

  add(spec: OtpAccountSpec): Promise<AccountView> {
    return this.writes.runExclusive(() => this.addNow(spec));
  }

  private async addNow(spec: OtpAccountSpec): Promise<AccountView> {
    this.requireKeychain();
    this.assertNotDuplicate(spec);
    const { secret, ...rest } = spec;
    const meta: AccountMeta = {
      ...rest,
      id: randomUUID(),
      pinned: false,
      position: this.repo.nextPosition(),
      createdAt: this.clock.now(),
      groups: [],
      lastUsedAt: null,
    };
    this.repo.recordIntent({ accountId: meta.id, op: 'add', meta }, this.clock.now());
    try {
      await this.store.set(meta.id, secret);
    } catch (e) {
      this.repo.clearIntent(meta.id);
      const error = isAppError(e) ? e : keychainError(e);
      this.noteFailure(error);
      throw error;
    }
    this.repo.transaction(() => {
      this.repo.insert(meta);
      this.repo.clearIntent(meta.id);
    });
    this.secrets.set(meta.id, secret);
    return this.view(meta, this.clock.now());
  }

  /**
   * A duplicate is an account with the same secret (the same account, scanned or imported
   * twice). The same issuer and label with another secret is allowed: two tenants of one service
   * (the renderer notes that two accounts share a name). `except` is the account being edited.
   */
  private assertNotDuplicate(spec: OtpAccountSpec, except?: string): void {
    for (const a of this.repo.all()) {
      if (a.id !== except && this.secrets.get(a.id) === spec.secret) {
        throw new AppError('vault.duplicate-account', { issuer: a.issuer, label: a.label });
      }
    }
  }

  /**
   * Changes an account. Issuer and label always; secret, algorithm, digits and period only when
   * the request names them (the renderer asks for a confirmation first). A new secret (the
   * service re-issued it) replaces the old one in the keychain, then the row is updated: if the
   * keychain refuses, nothing changed. Every rule is checked as for a new account.
   */
  edit(req: EditAccountRequest): Promise<AccountView> {
    return this.writes.runExclusive(() => this.editNow(req));
  }

  private async editNow(req: EditAccountRequest): Promise<AccountView> {
    this.codeGuard();
    const meta = this.repo.get(req.id);
    if (!meta) throw new AppError('vault.not-found');
    const newSecret = req.secret !== undefined;
    const oldSecret = this.secrets.get(meta.id);
    if (newSecret || oldSecret === undefined) this.requireKeychain();
    const spec = toAccountSpec({
      type: meta.type,
      issuer: req.issuer.trim(),
      label: req.label.trim(),
      secret: req.secret ?? oldSecret ?? '',
      algorithm: req.algorithm ?? meta.algorithm,
      digits: req.digits ?? meta.digits,
      period: req.period ?? meta.period,
      counter: meta.counter,
    });
    if (newSecret && spec.secret !== oldSecret) {
      this.assertNotDuplicate(spec, meta.id);
      try {
        await this.store.set(meta.id, spec.secret);
      } catch (e) {
        const error = isAppError(e) ? e : keychainError(e);
        this.noteFailure(error);
        throw error;
      }
      this.secrets.set(meta.id, spec.secret);
    }
    this.repo.edit(meta.id, spec);
    this.generators.delete(meta.id);
    const after = this.repo.get(meta.id);
    if (!after) throw new AppError('vault.not-found');
    return this.view(after, this.clock.now());
  }

  /**
   * The accounts as full specs, secrets included, in the order asked: for "transfer out" only,
   * which turns them into a QR picture in main. Refused while locked, like any code.
   */
  specsForTransfer(ids: readonly string[]): OtpAccountSpec[] {
    this.codeGuard();
    this.requireKeychain();
    return ids.map((id) => {
      const meta = this.repo.get(id);
      const secret = this.secrets.get(id);
      if (!meta || !secret) throw new AppError('vault.not-found');
      const { type, issuer, label, algorithm, digits, period, counter } = meta;
      return { type, issuer, label, secret, algorithm, digits, period, counter };
    });
  }

  /** Files the account under these groups (names trimmed, empty and repeated ones dropped). */
  setGroups(id: string, groups: readonly string[]): void {
    if (!this.repo.setGroups(id, normalizeGroups(groups))) throw new AppError('vault.not-found');
  }

  /** The account's code was used now (copied, or HOTP's next asked for): the "recently used" sort. */
  markUsed(id: string): void {
    this.repo.touch(id, this.clock.now());
  }

  /**
   * Replaces an account by a new one in its place (a restore whose file has another key for the
   * same name). The new key is stored first, then one transaction swaps the rows, then the old key
   * goes: a failure before the swap changes nothing, and the intents finish one after it.
   */
  replace(id: string, spec: OtpAccountSpec): Promise<AccountView> {
    return this.writes.runExclusive(async () => {
      this.requireKeychain();
      const old = this.repo.get(id);
      if (!old) throw new AppError('vault.not-found');
      this.assertNotDuplicate(spec, id);
      const { secret, ...rest } = spec;
      const now = this.clock.now();
      const meta: AccountMeta = {
        ...rest,
        id: randomUUID(),
        pinned: old.pinned,
        position: old.position,
        createdAt: now,
        groups: old.groups,
        lastUsedAt: old.lastUsedAt,
      };
      this.repo.recordIntent({ accountId: meta.id, op: 'add', meta }, now);
      try {
        await this.store.set(meta.id, secret);
      } catch (e) {
        this.repo.clearIntent(meta.id);
        const error = isAppError(e) ? e : keychainError(e);
        this.noteFailure(error);
        throw error;
      }
      this.repo.transaction(() => {
        this.repo.recordIntent({ accountId: id, op: 'delete', meta: old }, now);
        this.repo.remove(id);
        this.repo.insert(meta);
        this.repo.clearIntent(meta.id);
      });
      this.secrets.set(meta.id, secret);
      this.secrets.delete(id);
      this.generators.delete(id);
      try {
        await this.store.delete(id);
        this.repo.clearIntent(id);
      } catch (e) {
        this.noteFailure(e);
      }
      return this.view(meta, now);
    });
  }

  delete(id: string): Promise<void> {
    return this.writes.runExclusive(() => this.deleteNow(id));
  }

  private async deleteNow(id: string): Promise<void> {
    this.requireKeychain();
    const meta = this.repo.get(id);
    if (!meta) throw new AppError('vault.not-found');
    this.repo.transaction(() => {
      this.repo.recordIntent({ accountId: id, op: 'delete', meta }, this.clock.now());
      this.repo.remove(id);
    });
    this.secrets.delete(id);
    this.generators.delete(id);
    try {
      await this.store.delete(id);
      this.repo.clearIntent(id);
    } catch (e) {
      // The row is gone and the intent stays: the next open removes the keychain entry.
      this.noteFailure(e);
    }
  }

  rename(id: string, issuer: string, label: string): void {
    if (!issuer.trim() && !label.trim()) throw new AppError('otp.name-missing');
    if (!this.repo.rename(id, issuer.trim(), label.trim())) throw new AppError('vault.not-found');
  }

  setPinned(id: string, pinned: boolean): void {
    if (!this.repo.setPinned(id, pinned)) throw new AppError('vault.not-found');
  }

  reorder(ids: readonly string[]): void {
    this.repo.reorder(ids);
  }

  /**
   * HOTP: move to the next counter value (saved before the code is shown, so a code once seen
   * is never shown again, even after a crash) and return the account with the new code.
   */
  nextHotp(id: string): AccountView {
    this.codeGuard();
    const meta = this.repo.get(id);
    if (!meta || meta.type !== 'hotp') throw new AppError('vault.not-found');
    if (!this.generator(id)) this.requireKeychain();
    this.repo.setCounter(id, meta.counter + 1);
    return this.view({ ...meta, counter: meta.counter + 1 }, this.clock.now());
  }

  /** The code to copy now: TOTP at this moment, HOTP at its current counter. */
  currentCode(id: string): string {
    this.codeGuard();
    const meta = this.repo.get(id);
    if (!meta) throw new AppError('vault.not-found');
    const code = this.view(meta, this.clock.now()).code;
    if (!code) {
      this.requireKeychain();
      throw new AppError('keychain.unavailable');
    }
    return code;
  }
}
