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
 * through in order. There is no plaintext fallback: while the keychain cannot be read or written
 * the credentials live in memory (push approvals then need a new enrolment after a restart) and
 * `persistent` says false - from the first failed write on, not only when the start-up read
 * failed. Each later change first tries the keychain again (`reconnect`): once it is unlocked,
 * what it holds is read back for every key this run did not change, and this run's changes are
 * written, so the app recovers without a restart.
 */
export class KeychainCredentialStore extends MemoryCredentialStore {
  private writes: Promise<void> = Promise.resolve();
  private connected: boolean;
  /** Keys changed while the keychain was out of reach, to be written once it is back. */
  private readonly unsaved = new Set<string>();

  private constructor(
    private readonly store: SecretStore,
    connected: boolean,
    private readonly onWriteError: (e: unknown) => void,
  ) {
    super();
    this.connected = connected;
  }

  /** Whether changes are reaching the keychain (false while it is locked or missing). */
  get persistent(): boolean {
    return this.connected;
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
    if (!this.connected) {
      this.unsaved.add(key);
      this.enqueue(() => this.reconnectNow());
      return;
    }
    this.enqueue(async () => {
      if (!this.connected) return void this.unsaved.add(key);
      try {
        await this.write(key);
      } catch (e) {
        this.connected = false;
        this.unsaved.add(key);
        this.onWriteError(e);
      }
    });
  }

  /** Tries the keychain again now; resolves with whether changes reach it. */
  reconnect(): Promise<boolean> {
    this.enqueue(() => this.reconnectNow());
    return this.writes.then(() => this.connected);
  }

  private enqueue(step: () => Promise<void>): void {
    this.writes = this.writes.then(step).catch(this.onWriteError);
  }

  private async write(key: string): Promise<void> {
    const value = this.values.get(key) ?? null;
    if (value === null) await this.store.delete(key);
    else await this.store.set(key, value);
  }

  private async reconnectNow(): Promise<void> {
    if (this.connected) return;
    let entries: Array<{ key: string; value: string }>;
    try {
      entries = await this.store.list();
    } catch {
      return; // Still out of reach: this run's values stay in memory.
    }
    for (const { key, value } of entries) if (!this.unsaved.has(key)) this.values.set(key, value);
    for (const key of [...this.unsaved]) {
      await this.write(key);
      this.unsaved.delete(key);
    }
    this.connected = true;
  }

  /** Resolves when every change so far has reached the keychain (or failed and was reported). */
  override flush(): Promise<void> {
    return this.writes;
  }
}
