import { HOTP, Secret, TOTP } from 'otpauth';
import type { OtpAccountSpec } from '../otp/spec';

export type CodeSource = Pick<OtpAccountSpec, 'type' | 'algorithm' | 'digits' | 'period' | 'counter'>;

/**
 * Codes through otpauth (RFC 4226 / 6238); never hand-rolled. The decoded secret bytes are kept
 * per account so a tick costs one HMAC per code, not a keychain call or a base32 decode.
 */
export class CodeGenerator {
  private readonly secret: Secret;
  constructor(base32: string) {
    this.secret = Secret.fromBase32(base32);
  }

  totp(a: CodeSource, timestamp: number): { code: string; nextCode: string; validUntil: number } {
    const totp = new TOTP({ secret: this.secret, algorithm: a.algorithm, digits: a.digits, period: a.period });
    const periodMs = a.period * 1000;
    const validUntil = (Math.floor(timestamp / periodMs) + 1) * periodMs;
    return { code: totp.generate({ timestamp }), nextCode: totp.generate({ timestamp: validUntil }), validUntil };
  }

  hotp(a: CodeSource): string {
    return new HOTP({ secret: this.secret, algorithm: a.algorithm, digits: a.digits }).generate({ counter: a.counter });
  }
}
