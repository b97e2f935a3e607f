import { AppError } from '@shared/result';

/**
 * The port to the OS keychain (Keychain on macOS, Credential Manager on Windows, the Secret
 * Service on Linux). Values are opaque strings keyed by account id. There is deliberately no
 * plaintext fallback adapter: if the keychain is missing or locked the user is told so.
 */
export interface SecretStore {
  readonly kind: string;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Everything this app stored, read in one call at start-up. */
  list(): Promise<Array<{ key: string; value: string }>>;
}

/** Keychain failures mapped to the two states a person can do something about. */
export function keychainError(cause: unknown): AppError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const locked = /locked|prompt dismissed|user canceled|cancelled|interaction not allowed|denied/i.test(message);
  return new AppError(locked ? 'keychain.locked' : 'keychain.unavailable', undefined, { cause });
}
