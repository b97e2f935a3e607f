import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are hashed with argon2id (memory-hard, so GPU guessing is expensive) on libuv's
 * thread pool, so a sign-in never blocks the event loop. OWASP's minimum for argon2id is
 * m=19456 KiB, t=2, p=1. Tests may pass cheaper parameters through `MockOptions.argon2`, never
 * the app or the CLI.
 */
export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const OWASP_ARGON2ID: Argon2Params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
}

export function createArgon2Hasher(params: Argon2Params = OWASP_ARGON2ID): PasswordHasher {
  // @node-rs/argon2's default algorithm is argon2id (its Algorithm const enum cannot be
  // imported under isolatedModules); the test suite checks the PHC string says $argon2id$.
  return {
    hash: (password) => hash(password, { ...params }),
    async verify(hashed, password) {
      try {
        return await verify(hashed, password);
      } catch {
        return false;
      }
    },
  };
}
