import { describe, expect, it } from 'vitest';
import { Secret } from 'otpauth';
import { CodeGenerator } from '../../../electron/core/vault/codes';

// RFC 6238 Appendix B: 8-digit codes, 30 s step, seeds of 20/32/64 ASCII bytes.
const seeds = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const;
const vectors: Array<[number, Record<keyof typeof seeds, string>]> = [
  [59, { SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' }],
  [1111111109, { SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' }],
  [1111111111, { SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' }],
  [1234567890, { SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' }],
  [2000000000, { SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' }],
  [20000000000, { SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' }],
];

describe('TOTP codes match RFC 6238 test vectors', () => {
  for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
    it(algorithm, () => {
      const gen = new CodeGenerator(Secret.fromUTF8(seeds[algorithm]).base32);
      for (const [seconds, expected] of vectors) {
        const { code } = gen.totp({ type: 'totp', algorithm, digits: 8, period: 30, counter: 0 }, seconds * 1000);
        expect(code, `${algorithm} at T=${seconds}`).toBe(expected[algorithm]);
      }
    });
  }

  it('gives the next period code and when the current one ends', () => {
    const gen = new CodeGenerator(Secret.fromUTF8(seeds.SHA1).base32);
    const r = gen.totp({ type: 'totp', algorithm: 'SHA1', digits: 8, period: 30, counter: 0 }, 1111111109_000);
    expect(r.validUntil).toBe(1111111110_000);
    expect(r.nextCode).toBe('14050471'); // the code at T=1111111111, same step as 1111111110
  });
});
