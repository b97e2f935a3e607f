import type { SecretStore } from '../secrets/secret-store';

/**
 * Where the session service keeps its long-lived credentials (the push-device credential and
 * remembered-device tokens): main process only, never sent to the renderer. Synchronous on
 * purpose: the services read them on hot paths (every sign-in, every push event), so the
 * keychain is read once at start-up and served from memory afterwards.
 */
export interface CredentialStore {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

/** Kept for this run only: unit tests, and a machine whose keychain is missing or locked. */
export class MemoryCredentialStore implements CredentialStore {
  protected readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string | null): void {
    if (value === null) this.values.delete(key);
    else this.values.set(key, value);
  }

  /** Resolves when every change so far is stored. */
  flush(): Promise<void> {
    return Promise.resolve();
  }

  /** Forgets every credential. */
  async clear(): Promise<void> {
    for (const key of [...this.values.keys()]) this.set(key, null);
    await this.flush();
  }
}

/**
 * The OS keychain under its own service name (the vault's service reconciles away keys it does
 * not own, so the two must not share one). One `list()` at start-up; every change is written
 * through in order. There is no plaintext fallback: when the keychain cannot be read the
 * credentials live in memory for this run (push approvals then need a new enrolment after a
 * restart) and `persistent` says so.
 */
export class KeychainCredentialStore extends MemoryCredentialStore {
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: SecretStore,
    readonly persistent: boolean,
    private readonly onWriteError: (e: unknown) => void,
  ) {
    super();
  }

  static async open(store: SecretStore, onWriteError: (e: unknown) => void = () => {}): Promise<KeychainCredentialStore> {
    try {
      const entries = await store.list();
      const opened = new KeychainCredentialStore(store, true, onWriteError);
      for (const { key, value } of entries) opened.values.set(key, value);
      return opened;
    } catch {
      return new KeychainCredentialStore(store, false, onWriteError);
    }
  }

  override set(key: string, value: string | null): void {
    super.set(key, value);
    if (!this.persistent) return;
    this.writes = this.writes
      .then(async () => {
        if (value === null) await this.store.delete(key);
        else await this.store.set(key, value);
      })
      .catch(this.onWriteError);
  }

  /** Resolves when every change so far has reached the keychain (or failed and was reported). */
  override flush(): Promise<void> {
    return this.writes;
  }
}
