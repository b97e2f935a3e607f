import { createHash, randomBytes, randomInt } from 'node:crypto';
import { sameSecret } from '../../loopback-http/same-secret';

/**
 * Every secret the mock hands out (session tokens, link tokens, codes, device credentials) comes
 * from the OS CSPRNG and is stored only as its SHA-256. A fast hash is right here, unlike for
 * passwords: tokens carry >= 128 bits of entropy, and short codes are protected by expiry and
 * attempt limits rather than by the hash.
 */

/** URL-safe random token; 32 bytes = 256 bits. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Random id for rows that are referenced in URLs; not a secret. */
export function randomId(): string {
  return randomBytes(12).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented secret against a stored SHA-256 hex digest. */
export function matchesHash(presented: string, storedHashHex: string): boolean {
  return sameSecret(Buffer.from(sha256(presented), 'hex'), Buffer.from(storedHashHex, 'hex'));
}

/** Uniform decimal code (randomInt has no modulo bias). */
export function randomDigits(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(randomInt(0, 10));
  return out;
}

/** Uppercase characters without look-alikes (no 0/O, 1/I/L) for codes people read and type. */
const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function randomReadable(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += READABLE[randomInt(0, READABLE.length)]!;
  return out;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** RFC 4648 base32 characters, uniformly random (5 bits each). */
export function randomBase32(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE32[randomInt(0, 32)]!;
  return out;
}

/** "ABCD1234..." -> "ABCD 1234 ..." for manual entry. */
export function group(value: string, size = 4, sep = ' '): string {
  return value.match(new RegExp(`.{1,${size}}`, 'g'))?.join(sep) ?? value;
}

/** The one-time emergency code XXXX-XXXX-XXXX-XXXX-XXXX: 20 readable chars, ~99 bits. */
export function emergencyCode(): string {
  return group(randomReadable(20), 4, '-');
}

/** Canonical form of a typed code: no spaces or dashes, upper case. */
export function normalizeCode(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}
