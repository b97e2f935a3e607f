import { Mutex } from 'async-mutex';
import type {
  AccountView,
  AddAccountRequest,
  EditAccountRequest,
  KeychainState,
  ListCodesResponse,
  VaultListResponse,
} from '@shared/contract';
import { ManualAccountInputSchema } from '@shared/contract';
import type { Clock } from '@shared/clock';
import { AppError } from '@shared/result';
import type { SecretStore } from '../secrets/secret-store';
import { toAccountSpec, type OtpAccountSpec } from '../otp/spec';
import type { AccountMeta, AccountRepository } from './account-repository';
import { codesAt } from './codes';
import { normalizeGroups } from './groups';
import { editAccount } from './vault-edit';
import { accountsWithSecrets, transferSpecs } from './vault-export';
import { VaultState } from './vault-state';
import { addAccount, deleteAccount, reconcile, replaceAccount } from './vault-writes';

export type UriParser = (uri: string) => OtpAccountSpec[];

/**
 * The authenticator vault: metadata in SQLite, secrets in the keychain, codes computed here.
 * The keychain is read once (`open`), and the decoded secrets stay in this process; the
 * renderer only ever receives `AccountView`s. The state they share is VaultState; the writes
 * that pair a keychain call with a row are vault-writes.ts (add, replace, delete, crash repair),
 * vault-edit.ts (edit) and what hands secrets to main's backup and transfer is vault-export.ts.
 */
export class VaultService {
  private readonly v: VaultState;
  /**
   * Every write that awaits the keychain (open/reconcile, add, edit, replace, delete) runs under
   * this one lock, so a check made before an await (the duplicate check, reconcile's orphan
   * sweep) still holds when the write lands: ten identical adds at once give one account and
   * nine duplicates.
   */
  private readonly writes = new Mutex();
  private readonly recoveredListeners: Array<() => void> = [];
  /** Throws while codes must not be produced (the app lock is on); see `guardCodes`. */
  private codeGuard: () => void = () => {};

  constructor(
    db: ConstructorParameters<typeof AccountRepository>[0],
    store: SecretStore,
    private readonly clock: Clock,
    private readonly parseUri: UriParser,
  ) {
    this.v = new VaultState(db, store, clock);
  }

  /**
   * The app lock's hook: called before any code is computed (list, copy, HOTP next); it throws
   * (`lock.locked`) while the app is locked, so main produces no code then, whatever asks.
   */
  guardCodes(guard: () => void): void {
    this.codeGuard = guard;
  }

  get keychainState(): KeychainState {
    return this.v.keychain;
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
    const before = this.v.keychain;
    try {
      await reconcile(this.v);
      this.v.load(await this.v.store.list());
      this.v.keychain = 'ok';
      if (before !== 'ok') for (const fn of this.recoveredListeners) fn();
    } catch (e) {
      this.v.noteFailure(e);
    }
    return this.v.keychain;
  }

  async list(): Promise<VaultListResponse> {
    this.codeGuard();
    if (this.v.keychain !== 'ok') await this.open();
    const now = this.clock.now();
    return {
      accounts: this.v.repo.all().map((a) => this.v.view(a, now)),
      keychain: this.v.keychain,
      generatedAt: now,
    };
  }

  /**
   * The codes of these accounts now, nothing else (`vault.listCodes`): a period boundary asks for
   * the cards on screen only. Ids it does not know (deleted meanwhile) are left out.
   */
  async codes(ids: readonly string[]): Promise<ListCodesResponse> {
    this.codeGuard();
    if (this.v.keychain !== 'ok') await this.open();
    const now = this.clock.now();
    const codes: ListCodesResponse['codes'] = {};
    for (const id of ids) {
      const a = this.v.repo.get(id);
      if (a) codes[id] = codesAt(this.v.generator(id), a, now);
    }
    return { codes, generatedAt: now };
  }

  /** Every account with its secret (vault-export.ts), for the backup and the plain export. Never sent to the renderer. */
  async snapshot(): Promise<Array<AccountMeta & { secret: string }>> {
    if (this.v.keychain !== 'ok') await this.open();
    return accountsWithSecrets(this.v);
  }

  /** Turns any add request into validated specs (a migration QR may hold several accounts). */
  specsFrom(req: AddAccountRequest): OtpAccountSpec[] {
    if (req.source === 'uri') return this.parseUri(req.uri);
    const m = ManualAccountInputSchema.parse(req);
    return [toAccountSpec({ ...m, label: m.label })];
  }

  /**
   * Every keychain write runs here, one at a time. A keychain that refused earlier (locked, or a
   * call that failed under load) is opened again first, as `list` does, so one refusal does not
   * refuse every later write until something else reopens it.
   */
  private exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.writes.runExclusive(async () => {
      if (this.v.keychain !== 'ok') await this.openNow();
      return fn();
    });
  }

  add(spec: OtpAccountSpec): Promise<AccountView> {
    return this.exclusive(() => addAccount(this.v, spec));
  }

  /** Changes an account (vault-edit.ts); refused while locked, as it shows the new code. */
  edit(req: EditAccountRequest): Promise<AccountView> {
    return this.exclusive(() => {
      this.codeGuard();
      return editAccount(this.v, req);
    });
  }

  /** The accounts' specs with secrets, for "transfer out" (vault-export.ts). Refused while locked, like any code. */
  specsForTransfer(ids: readonly string[]): OtpAccountSpec[] {
    this.codeGuard();
    return transferSpecs(this.v, ids);
  }

  /** Files the account under these groups (names trimmed, empty and repeated ones dropped). */
  setGroups(id: string, groups: readonly string[]): void {
    if (!this.v.repo.setGroups(id, normalizeGroups(groups))) throw new AppError('vault.not-found');
  }

  /** The account's code was used now (copied, or HOTP's next asked for): the "recently used" sort. */
  markUsed(id: string): void {
    this.v.repo.touch(id, this.clock.now());
  }

  /** Replaces an account by a new one in its place, for a restore (vault-writes.ts). */
  replace(id: string, spec: OtpAccountSpec): Promise<AccountView> {
    return this.exclusive(() => replaceAccount(this.v, id, spec));
  }

  delete(id: string): Promise<void> {
    return this.exclusive(() => deleteAccount(this.v, id));
  }

  rename(id: string, issuer: string, label: string): void {
    if (!issuer.trim() && !label.trim()) throw new AppError('otp.name-missing');
    if (!this.v.repo.rename(id, issuer.trim(), label.trim())) throw new AppError('vault.not-found');
  }

  setPinned(id: string, pinned: boolean): void {
    if (!this.v.repo.setPinned(id, pinned)) throw new AppError('vault.not-found');
  }

  reorder(ids: readonly string[]): void {
    this.v.repo.reorder(ids);
  }

  /**
   * HOTP: move to the next counter value (saved before the code is shown, so a code once seen
   * is never shown again, even after a crash) and return the account with the new code.
   */
  nextHotp(id: string): AccountView {
    this.codeGuard();
    const meta = this.v.repo.get(id);
    if (!meta || meta.type !== 'hotp') throw new AppError('vault.not-found');
    if (!this.v.generator(id)) this.v.requireKeychain();
    this.v.repo.setCounter(id, meta.counter + 1);
    return this.v.view({ ...meta, counter: meta.counter + 1 }, this.clock.now());
  }

  /** The code to copy now: TOTP at this moment, HOTP at its current counter. */
  currentCode(id: string): string {
    this.codeGuard();
    const meta = this.v.repo.get(id);
    if (!meta) throw new AppError('vault.not-found');
    const code = this.v.view(meta, this.clock.now()).code;
    if (!code) {
      this.v.requireKeychain();
      throw new AppError('keychain.unavailable');
    }
    return code;
  }
}
