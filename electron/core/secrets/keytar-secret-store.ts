import { createRequire } from 'node:module';
import { keychainError, type SecretStore } from './secret-store';
import { defaultKeychainProbe, type KeychainProbe } from './secret-service-probe';

import type * as KeytarModule from 'keytar';

type Keytar = typeof KeytarModule;

/**
 * The real OS keychain through keytar. keytar is loaded lazily so that a machine without
 * libsecret gets a `keychain.unavailable` state in the UI instead of a crash at start-up.
 * On Linux every native call is preceded by a Secret Service probe (see secret-service-probe.ts):
 * keytar is never called while this service's items or the default collection are locked, so a
 * locked keychain is `keychain.locked` and never the SIGSEGV inside libsecret.
 */
export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keytar';
  private keytar: Keytar | null = null;

  constructor(
    private readonly service: string,
    private readonly probe: KeychainProbe | null = defaultKeychainProbe(),
  ) {}

  private load(): Keytar {
    if (!this.keytar) {
      try {
        this.keytar = createRequire(import.meta.url)('keytar') as Keytar;
      } catch (e) {
        throw keychainError(e);
      }
    }
    return this.keytar;
  }

  private async call<T>(fn: (k: Keytar) => Promise<T>): Promise<T> {
    await this.probe?.assertUsable(this.service);
    try {
      return await fn(this.load());
    } catch (e) {
      throw keychainError(e);
    }
  }

  get(key: string) {
    return this.call((k) => k.getPassword(this.service, key));
  }
  set(key: string, value: string) {
    return this.call((k) => k.setPassword(this.service, key, value));
  }
  delete(key: string) {
    return this.call((k) => k.deletePassword(this.service, key));
  }
  async list() {
    const found = await this.call((k) => k.findCredentials(this.service));
    return found.map((c) => ({ key: c.account, value: c.password }));
  }
}
