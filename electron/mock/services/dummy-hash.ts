import { randomToken } from './crypto';
import type { PasswordHasher } from '../../core/lock/password-hash';

/**
 * A hash of a random throwaway password, verified when the address or user id is unknown (or has
 * no password yet), so a wrong guess costs the same argon2 time either way and the answer's
 * timing does not reveal which accounts exist.
 */
const cache = new WeakMap<PasswordHasher, Promise<string>>();
export function dummyHash(hasher: PasswordHasher): Promise<string> {
  let h = cache.get(hasher);
  if (!h) {
    h = hasher.hash(randomToken());
    cache.set(hasher, h);
  }
  return h;
}

export async function verifyOrDummy(hasher: PasswordHasher, hashed: string | null | undefined, password: string): Promise<boolean> {
  if (hashed) return hasher.verify(hashed, password);
  await hasher.verify(await dummyHash(hasher), password);
  return false;
}
