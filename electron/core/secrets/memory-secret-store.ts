import type { SecretStore } from './secret-store';
import { AppError } from '@shared/result';

/** For unit tests only; `failWith` simulates a locked or missing keychain. */
/* eslint-disable @typescript-eslint/require-await -- async on purpose: like the keychain store, a failure is a rejection, not a throw. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory';
  readonly entries = new Map<string, string>();
  failWith: 'keychain.locked' | 'keychain.unavailable' | null = null;
  calls = { get: 0, set: 0, delete: 0, list: 0 };

  private check(): void {
    if (this.failWith) throw new AppError(this.failWith);
  }
  async get(key: string) {
    this.calls.get++;
    this.check();
    return this.entries.get(key) ?? null;
  }
  async set(key: string, value: string) {
    this.calls.set++;
    this.check();
    this.entries.set(key, value);
  }
  async delete(key: string) {
    this.calls.delete++;
    this.check();
    return this.entries.delete(key);
  }
  async list() {
    this.calls.list++;
    this.check();
    return [...this.entries].map(([key, value]) => ({ key, value }));
  }
}
/* eslint-enable @typescript-eslint/require-await */
