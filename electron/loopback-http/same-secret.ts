import { timingSafeEqual } from 'node:crypto';

/**
 * Whether a presented secret (a token, a digest) equals the expected one, in constant time for
 * equal lengths (node's timingSafeEqual); a different length is simply unequal. The one compare
 * the browser host and the identity mock use for every secret they check.
 */
export function sameSecret(presented: string | Buffer, expected: string | Buffer): boolean {
  const a = typeof presented === 'string' ? Buffer.from(presented) : presented;
  const b = typeof expected === 'string' ? Buffer.from(expected) : expected;
  return a.length === b.length && timingSafeEqual(a, b);
}
