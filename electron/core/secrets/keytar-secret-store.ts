import { createRequire } from 'node:module';
import { AppError } from '@shared/result';
import { keychainError, type SecretStore } from './secret-store';
import { defaultKeychainProbe, type KeychainProbe } from './secret-service-probe';

import type * as KeytarModule from 'keytar';

type Keytar = typeof KeytarModule;
const NATIVE_TIMEOUT_MS = 20_000;

/**
 * Native calls that outlived their timeout and have not returned yet, in this process. Each holds
 * one of libuv's four pool threads (which fs, crypto and argon2 share) until libsecret gives up,
 * so while one is stuck no other native call starts: it fails at once as locked. One stuck call
 * costs a thread; a burst of them would stall the whole process (the audit's lock toggling).
 */
let stuckNativeCalls = 0;

/**
 * The real OS keychain through keytar. keytar is loaded lazily so that a machine without
 * libsecret gets a `keychain.unavailable` state in the UI instead of a crash at start-up.
 * On Linux every native call is preceded by a Secret Service probe (see secret-service-probe.ts):
 * keytar is never called while this service's items or the default collection are locked, so a
 * locked keychain is `keychain.locked` and never the SIGSEGV inside libsecret; and findCredentials,
 * the call that crashes, is not used there at all (see `list`).
 */
export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keytar';
  private keytar: Keytar | null = null;

  constructor(
    private readonly service: string,
    private readonly probe: KeychainProbe | null = defaultKeychainProbe(),
    /** The native module; tests hand in a double to reach the failure paths. */
    private readonly loadKeytar: () => Keytar = () => createRequire(import.meta.url)('keytar') as Keytar,
  ) {}

  private load(): Keytar {
    if (!this.keytar) {
      try {
        this.keytar = this.loadKeytar();
      } catch (e) {
        throw keychainError(e);
      }
    }
    return this.keytar;
  }

  private async native<T>(fn: (k: Keytar) => Promise<T>): Promise<T> {
    if (stuckNativeCalls > 0) throw new AppError('keychain.locked');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const call = fn(this.load());
    // A call that waits on an unlock prompt nobody answers (seen under the audit's lock toggling)
    // must not hold the vault's open or a write for ever: it counts as locked, and Retry asks again.
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        stuckNativeCalls++;
        const settled = () => {
          stuckNativeCalls--;
        };
        call.then(settled, settled);
        reject(new AppError('keychain.locked'));
      }, NATIVE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([call, stuck]);
    } catch (e) {
      throw keychainError(e);
    } finally {
      clearTimeout(timer);
    }
  }

  private async call<T>(fn: (k: Keytar) => Promise<T>): Promise<T> {
    await this.probe?.assertUsable(this.service);
    return this.native(fn);
  }

  /**
   * A locked item reads as "not there" in libsecret (getPassword null, deletePassword false). When
   * the collection was locked between the probe and the call, say locked rather than pass that on.
   */
  private async notThereOrLocked(): Promise<void> {
    await this.probe?.assertUsable(this.service);
  }

  async get(key: string) {
    const value = await this.call((k) => k.getPassword(this.service, key));
    if (value === null) await this.notThereOrLocked();
    return value;
  }
  set(key: string, value: string) {
    return this.call((k) => k.setPassword(this.service, key, value));
  }
  async delete(key: string) {
    const deleted = await this.call((k) => k.deletePassword(this.service, key));
    if (!deleted) await this.notThereOrLocked();
    return deleted;
  }

  /**
   * Everything stored under this service. On Linux not through keytar's findCredentials, which
   * dereferences a NULL secret when the collection locks while it runs (the probe narrows that to
   * a window, and the audit's lock toggling hits the window): the probe names the items, and each
   * is read with getPassword, which answers null instead of crashing. A null for a named item means
   * the collection locked meanwhile (or the item just went): keychain.locked, try again.
   */
  async list() {
    if (!this.probe) {
      const found = await this.native((k) => k.findCredentials(this.service));
      return found.map((c) => ({ key: c.account, value: c.password }));
    }
    const accounts = await this.probe.unlockedAccounts(this.service);
    const values = await Promise.all(accounts.map((account) => this.native((k) => k.getPassword(this.service, account))));
    if (values.some((v) => v === null)) throw new AppError('keychain.locked');
    return accounts.map((key, i) => ({ key, value: values[i]! }));
  }
}
