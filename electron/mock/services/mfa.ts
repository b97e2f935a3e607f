import type { SignedIn } from '@shared/identity-api';
import { AppError } from '@shared/result';
import { messageLanguage } from '../http/request-context';
import type { MockContext } from '../context';
import type { RequestOrigin } from '../emails/format';
import { smsCode } from '../emails/templates';
import { requireAccount, type AccountRow } from './accounts';
import { audit } from './audit';
import { emergencyCode, matchesHash, normalizeCode, randomDigits, sha256 } from './crypto';
import { listFactors, maskPhone, touchFactor } from './factors';
import { nextSendAt, recordSend, sendRetryAfterSeconds } from './limits';
import { deliver } from './outbox';
import { completeSignIn, type SignInMethod } from './sessions';
import { addTokenFailure, consumeToken, findToken, tokenState, updateTokenData, type TokenRow } from './tokens';
import { matchTotp } from './totp';

/**
 * 2FA at sign-in. The MFA ticket carries ONE failure counter for every factor (TOTP, SMS,
 * emergency code, push number mismatch): switching factors or re-sending an SMS never resets it.
 * At the limit the ticket dies and the user starts over with the password.
 */
export interface Ticket {
  row: TokenRow;
  account: AccountRow;
  method: SignInMethod;
  origin: RequestOrigin;
}

export function openTicket(ctx: MockContext, token: string): Ticket {
  const row = findToken(ctx, 'mfa-ticket', token);
  if (!row) throw new AppError('mfa.ticket-invalid');
  if (row.data.locked === true) throw new AppError('mfa.too-many-attempts');
  const state = tokenState(ctx, row);
  if (state === 'used') throw new AppError('mfa.ticket-invalid');
  if (state === 'expired') throw new AppError('mfa.ticket-expired');
  return {
    row,
    account: requireAccount(ctx, row.subject),
    method: row.data.method as SignInMethod,
    origin: row.data.origin as RequestOrigin,
  };
}

/** Counts a failure on the ticket; throws `code` (with attempts left) or too-many-attempts. */
export function ticketFailure(
  ctx: MockContext,
  t: Ticket,
  code: 'mfa.code-wrong' | 'mfa.code-already-used' | 'push.number-mismatch',
  factor: string,
): never {
  const failures = addTokenFailure(ctx, t.row.id);
  audit(ctx, 'mfa.failed', t.account.email, { factor, failures });
  const left = ctx.limits.mfaMaxFailures - failures;
  if (left <= 0) {
    consumeToken(ctx, t.row.id);
    updateTokenData(ctx, t.row.id, { ...t.row.data, locked: true });
    audit(ctx, 'mfa.ticket-locked', t.account.email, { failures });
    throw new AppError('mfa.too-many-attempts');
  }
  throw new AppError(code, { attemptsLeft: left });
}

/** Ends the ticket and issues the session; the ticket's single use is enforced atomically. */
export function finishTicket(
  ctx: MockContext,
  t: Ticket,
  factor: string,
  rememberDevice: boolean,
  newEmergencyCode: string | null = null,
): SignedIn {
  if (!consumeToken(ctx, t.row.id)) throw new AppError('mfa.ticket-invalid');
  audit(ctx, 'mfa.passed', t.account.email, { factor });
  return completeSignIn(ctx, t.account, t.origin, { method: t.method, via: factor, rememberDevice, newEmergencyCode });
}

export function sendSignInSms(ctx: MockContext, token: string): { maskedPhone: string; expiresAt: number; resendAvailableAt: number } {
  const t = openTicket(ctx, token);
  const factor = listFactors(ctx, t.account.id, 'sms')[0];
  if (!factor?.phone) throw new AppError('mfa.factor-unavailable');
  const key = `mfa-sms:${t.account.id}`;
  const retryAfterSeconds = sendRetryAfterSeconds(ctx, key, ctx.limits.sendMinIntervalMs, ctx.limits.sendMaxPerHour);
  if (retryAfterSeconds > 0) throw new AppError('mfa.rate-limited', { retryAfterSeconds });
  const code = randomDigits(6);
  const expiresAt = ctx.clock.now() + ctx.limits.smsCodeMs;
  // A re-send replaces the code; the ticket's failure counter is untouched.
  updateTokenData(ctx, t.row.id, { ...t.row.data, smsCodeHash: sha256(`${t.row.id}:${code}`), smsExpiresAt: expiresAt });
  recordSend(ctx, key);
  // The code belongs to the ticket: spent when the sign-in completes (the ticket is used) or a re-send replaces it.
  const lang = messageLanguage(t.account.language);
  deliver(ctx, 'sms', factor.phone, lang, smsCode(lang, code, ctx.limits.smsCodeMs / 60_000), undefined, {
    value: code,
    expiresAt,
    ref: `token:${t.row.id}`,
  });
  audit(ctx, 'mfa.sms-sent', t.account.email);
  return {
    maskedPhone: maskPhone(factor.phone),
    expiresAt,
    resendAvailableAt: nextSendAt(ctx, key, ctx.limits.sendMinIntervalMs, ctx.limits.sendMaxPerHour),
  };
}

export function verifyFactor(
  ctx: MockContext,
  input: { ticket: string; factor: 'totp' | 'sms' | 'emergency'; code: string; rememberDevice?: boolean | undefined },
): SignedIn {
  const t = openTicket(ctx, input.ticket);
  const remember = input.rememberDevice ?? false;
  const code = input.code.trim();
  switch (input.factor) {
    case 'totp': {
      const factors = listFactors(ctx, t.account.id, 'totp');
      if (factors.length === 0) throw new AppError('mfa.factor-unavailable');
      for (const f of factors) {
        const counter = matchTotp(f.totp_secret ?? '', code.replace(/\s/g, ''), ctx.clock.now());
        if (counter === null) continue;
        // Replay: a code (time step) at or before the last accepted one is refused.
        if (f.last_counter !== null && counter <= f.last_counter) ticketFailure(ctx, t, 'mfa.code-already-used', 'totp');
        const claimed =
          ctx.db
            .prepare('UPDATE factors SET last_counter = ?, last_used_at = ? WHERE id = ? AND (last_counter IS NULL OR last_counter < ?)')
            .run(counter, ctx.clock.now(), f.id, counter).changes === 1;
        if (!claimed) ticketFailure(ctx, t, 'mfa.code-already-used', 'totp');
        return finishTicket(ctx, t, 'totp', remember);
      }
      return ticketFailure(ctx, t, 'mfa.code-wrong', 'totp');
    }
    case 'sms': {
      const f = listFactors(ctx, t.account.id, 'sms')[0];
      if (!f) throw new AppError('mfa.factor-unavailable');
      const hash = t.row.data.smsCodeHash;
      const expiresAt = t.row.data.smsExpiresAt;
      if (typeof hash !== 'string' || typeof expiresAt !== 'number') return ticketFailure(ctx, t, 'mfa.code-wrong', 'sms');
      if (!matchesHash(`${t.row.id}:${code}`, hash)) return ticketFailure(ctx, t, 'mfa.code-wrong', 'sms');
      if (ctx.clock.now() >= expiresAt) throw new AppError('mfa.code-expired');
      touchFactor(ctx, f.id);
      return finishTicket(ctx, t, 'sms', remember);
    }
    case 'emergency': {
      const f = listFactors(ctx, t.account.id, 'emergency')[0];
      if (!f?.code_hash) throw new AppError('mfa.factor-unavailable');
      if (!matchesHash(normalizeCode(code), f.code_hash)) return ticketFailure(ctx, t, 'mfa.code-wrong', 'emergency');
      // Single use: the code is replaced before the session is issued; the new one is shown once.
      const next = emergencyCode();
      const swapped =
        ctx.db
          .prepare('UPDATE factors SET code_hash = ?, last_used_at = ? WHERE id = ? AND code_hash = ?')
          .run(sha256(normalizeCode(next)), ctx.clock.now(), f.id, f.code_hash).changes === 1;
      if (!swapped) return ticketFailure(ctx, t, 'mfa.code-wrong', 'emergency');
      audit(ctx, '2fa.emergency-code-used', t.account.email);
      return finishTicket(ctx, t, 'emergency', remember, next);
    }
  }
}
