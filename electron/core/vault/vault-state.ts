import type { AccountView, KeychainState } from '@shared/contract';
import type { Clock } from '@shared/clock';
import { AppError, isAppError } from '@shared/result';
import type { SecretStore } from '../secrets/secret-store';
import { keychainError } from '../secrets/secret-store';
import type { OtpAccountSpec } from '../otp/spec';
import { AccountRepository, type AccountMeta } from './account-repository';
import { CodeGenerator } from './codes';

/**
 * What every part of the vault shares (VaultService, vault-writes.ts, vault-edit.ts,
 * vault-export.ts): the account rows, the secrets read from the keychain (they stay in this
 * process), the code generators made from them, and whether the keychain answered.
 */
export class VaultState {
  readonly repo: AccountRepository;
  /** Decoded secrets by account id, loaded by `load` (one keychain call) and kept current by every write. */
  readonly secrets = new Map<string, string>();
  private readonly generators = new Map<string, CodeGenerator>();
  keychain: KeychainState = 'unavailable';

  constructor(
    db: ConstructorParameters<typeof AccountRepository>[0],
    readonly store: SecretStore,
    readonly clock: Clock,
  ) {
    this.repo = new AccountRepository(db);
  }

  /** Every secret, as the keychain has them now: replaces what was held. */
  load(entries: ReadonlyArray<{ key: string; value: string }>): void {
    this.secrets.clear();
    for (const e of entries) this.secrets.set(e.key, e.value);
    this.generators.clear();
  }

  /** A keychain call failed: the state says so until a later `open` (vault.listAccounts) succeeds. */
  noteFailure(e: unknown): void {
    this.keychain = isAppError(e) && e.code === 'keychain.locked' ? 'locked' : 'unavailable';
  }

  requireKeychain(): void {
    if (this.keychain === 'locked') throw new AppError('keychain.locked');
    if (this.keychain !== 'ok') throw new AppError('keychain.unavailable');
  }

  /** Writes one secret to the keychain; a refusal is noted (see `noteFailure`) and thrown as an AppError. */
  async storeSecret(id: string, secret: string): Promise<void> {
    try {
      await this.store.set(id, secret);
    } catch (e) {
      const error = isAppError(e) ? e : keychainError(e);
      this.noteFailure(error);
      throw error;
    }
  }

  /** The account's secret changed or went: its generator (made from the old one) goes too. */
  forgetCodes(id: string): void {
    this.generators.delete(id);
  }

  /** The account's secret and generator, once its row is gone. */
  forget(id: string): void {
    this.secrets.delete(id);
    this.generators.delete(id);
  }

  /**
   * A duplicate is an account with the same secret (the same account, scanned or imported
   * twice). The same issuer and label with another secret is allowed: two tenants of one service
   * (the renderer notes that two accounts share a name). `except` is the account being edited.
   */
  assertNotDuplicate(spec: OtpAccountSpec, except?: string): void {
    for (const a of this.repo.all()) {
      if (a.id !== except && this.secrets.get(a.id) === spec.secret) {
        throw new AppError('vault.duplicate-account', { issuer: a.issuer, label: a.label });
      }
    }
  }

  /** What the renderer sees of an account: its fields and codes, never the secret. */
  view(a: AccountMeta, now: number): AccountView {
    const base = { ...a, counter: a.type === 'hotp' ? a.counter : null };
    const gen = this.generator(a.id);
    if (!gen) return { ...base, code: '', nextCode: null, validUntil: null };
    if (a.type === 'hotp') return { ...base, code: gen.hotp(a), nextCode: null, validUntil: null };
    if (a.type === 'steam') return { ...base, ...gen.steam(now) };
    return { ...base, ...gen.totp(a, now) };
  }

  /** The account's code generator, made on first use from its secret; null while the secret is not held. */
  generator(id: string): CodeGenerator | null {
    let gen = this.generators.get(id);
    const secret = this.secrets.get(id);
    if (!gen && secret) {
      gen = new CodeGenerator(secret);
      this.generators.set(id, gen);
    }
    return gen ?? null;
  }
}
