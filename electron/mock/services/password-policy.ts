import type { PasswordPolicy, PasswordPreset, PasswordRule } from '@shared/identity-api';
import { compositionRules } from '@shared/password-policy';
import { LIMITS } from '../config';

/**
 * Two presets:
 * - `connect`: Visma Connect's documented rule: at least 8 characters with a digit, an upper-case
 *   and a lower-case letter and a special character; lockout after 8 failures within 10 minutes,
 *   for 30 minutes.
 * - `nist`: NIST SP 800-63B-4 for passwords used as a single factor: at least 15 characters, no
 *   composition rules, at least 64 allowed, a blocklist of common and context-specific values;
 *   failed attempts limited to 100 (per day here) before a 30-minute lock.
 * Both keep a history of 5 (OWASP: prevent reuse of recent passwords).
 */
export const PASSWORD_POLICIES: Record<PasswordPreset, PasswordPolicy> = {
  connect: {
    preset: 'connect',
    minLength: 8,
    maxLength: 128,
    digit: true,
    upper: true,
    lower: true,
    special: true,
    blocklist: false,
    historySize: LIMITS.passwordHistory,
    lockout: { maxFailures: 8, windowMinutes: 10, lockMinutes: 30 },
  },
  nist: {
    preset: 'nist',
    minLength: 15,
    maxLength: 128,
    digit: false,
    upper: false,
    lower: false,
    special: false,
    blocklist: true,
    historySize: LIMITS.passwordHistory,
    lockout: { maxFailures: 100, windowMinutes: 24 * 60, lockMinutes: 30 },
  },
};

/** A short list is enough for a demo; a real server checks a breached-password corpus. */
const COMMON = [
  'password',
  'lösenord',
  'losenord',
  'qwerty',
  '123456',
  '12345678',
  'letmein',
  'welcome',
  'sommar',
  'vinter',
  'visma',
  'flexhrm',
  'connect',
];

/** The rules a candidate fails (empty when it is acceptable). Lengths count Unicode code points. */
export function checkPassword(password: string, preset: PasswordPreset, email?: string): PasswordRule[] {
  const p = PASSWORD_POLICIES[preset];
  // The composition rules are the ones the client's form shows (shared/password-policy.ts).
  const failed: PasswordRule[] = compositionRules(p, password)
    .filter((r) => !r.met)
    .map((r) => r.rule);
  if (Array.from(password).length > p.maxLength) failed.push('max-length');
  if (p.blocklist) {
    const lower = password.toLowerCase();
    const local = email?.split('@')[0]?.toLowerCase();
    const repetitive = /^(.)\1+$/u.test(password);
    if (
      repetitive ||
      COMMON.some((w) => lower.replace(/[^\p{L}]/gu, '') === w || lower.startsWith(w + w)) ||
      (local && local.length >= 3 && lower.includes(local))
    ) {
      failed.push('not-common');
    }
  }
  return failed;
}

export function lockoutRule(preset: PasswordPreset) {
  const l = PASSWORD_POLICIES[preset].lockout;
  return { maxFailures: l.maxFailures, windowMs: l.windowMinutes * 60_000, lockMs: l.lockMinutes * 60_000 };
}
