import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashes for the app lock and the identity mock's accounts: Argon2id (memory-hard, so GPU
 * guessing is expensive; the library's default algorithm, whose const enum cannot be imported under
 * isolatedModules: tests check the PHC string says $argon2id$) with OWASP's minimum parameters
 * m=19456 KiB, t=2, p=1. Tests may pass cheaper parameters, never the app or the CLIs.
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

/** On libuv's thread pool, so an unlock never blocks the event loop. Tests may pass cheaper parameters. */
export function createArgon2Hasher(params: Argon2Params = OWASP_ARGON2ID): PasswordHasher {
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
