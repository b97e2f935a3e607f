import { HOTP, Secret } from 'otpauth';
import steamTotp from 'steam-totp';
import type { AccountCodes } from '@shared/contract';
import type { OtpAccountSpec } from '../otp/spec';

export type CodeSource = Pick<OtpAccountSpec, 'type' | 'algorithm' | 'digits' | 'period' | 'counter'>;

/** Codes remembered per account: the current and next period's, and a little slack. */
const CACHE_SIZE = 4;

/**
 * Codes through otpauth (RFC 4226 / 6238); never hand-rolled. The decoded secret bytes are kept
 * per account so a tick costs one HMAC per code, not a keychain call or a base32 decode. A TOTP
 * code is HOTP at the time step's counter (RFC 6238 section 4), so codes are remembered per
 * step: at a period boundary the "next" code already shown becomes the current one and only the
 * new next code costs an HMAC; a refresh within a period (an edit elsewhere) costs none.
 */
export class CodeGenerator {
  private readonly secret: Secret;
  private readonly cache = new Map<string, string>();
  constructor(base32: string) {
    this.secret = Secret.fromBase32(base32);
  }

  /** The code at HOTP counter `counter`; `scope` keeps TOTP steps of one period apart from anything else. */
  private at(a: CodeSource, scope: string, counter: number): string {
    const key = `${scope}/${a.algorithm}/${a.digits}/${counter}`;
    let code = this.cache.get(key);
    if (code === undefined) {
      code = HOTP.generate({ secret: this.secret, algorithm: a.algorithm, digits: a.digits, counter });
      this.cache.set(key, code);
      if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    }
    return code;
  }

  totp(a: CodeSource, timestamp: number): { code: string; nextCode: string; validUntil: number } {
    const periodMs = a.period * 1000;
    const step = Math.floor(timestamp / periodMs);
    const scope = `totp${a.period}`;
    return { code: this.at(a, scope, step), nextCode: this.at(a, scope, step + 1), validUntil: (step + 1) * periodMs };
  }

  /**
   * Steam Guard through steam-totp (DoctorMcKay's library, which Steam bots use): it reads the
   * time itself, so it is given the offset to the middle of the wanted 30 s step.
   */
  steam(timestamp: number): { code: string; nextCode: string; validUntil: number } {
    const step = Math.floor(timestamp / 30_000);
    const at = (s: number) => {
      const offset = s * 30 + 15 - Math.floor(Date.now() / 1000);
      return steamTotp.generateAuthCode(Buffer.from(this.secret.bytes), offset);
    };
    return { code: at(step), nextCode: at(step + 1), validUntil: (step + 1) * 30_000 };
  }

  hotp(a: CodeSource): string {
    return this.at(a, 'hotp', a.counter);
  }
}

/**
 * An account's codes at `now`: TOTP and Steam the current and next period's, HOTP its code at
 * the counter; none (empty) without a generator (the keychain entry is missing or unread).
 */
export function codesAt(gen: CodeGenerator | null, a: CodeSource, now: number): AccountCodes {
  if (!gen) return { code: '', nextCode: null, validUntil: null };
  if (a.type === 'hotp') return { code: gen.hotp(a), nextCode: null, validUntil: null };
  return a.type === 'steam' ? gen.steam(now) : gen.totp(a, now);
}
