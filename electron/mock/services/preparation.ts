import type { PreparationState, SendCodeResponse } from '@shared/identity-api';
import { AppError } from '@shared/result';
import { messageLanguage } from '../http/request-context';
import type { MockContext } from '../context';
import { verificationEmail } from '../emails/templates';
import { createAccount, findAccountByEmail, getAccount } from './accounts';
import { audit } from './audit';
import { requireCompany } from './companies';
import { matchesHash, randomDigits, sha256 } from './crypto';
import { linkHrmUser, suggestedEmails, type HrmUserRow } from './hrm-users';
import { nextSendAt, recordSend, sendRetryAfterSeconds } from './limits';
import { deliver, spendOutboxSecret } from './outbox';

/**
 * Account preparation (the Get Started with Visma Connect guide): verify an address with a 6-digit code, then create a Connect
 * account for it or link the existing one. The code is stored as SHA-256 over the HRM user's id
 * and the code, so equal codes of two users never share a hash.
 */
interface VerificationRow {
  hrm_user_id: string;
  email: string;
  code_hash: string | null;
  expires_at: number;
  failures: number;
}

const codeInput = (userId: string, code: string) => `${userId}:${code}`;
const sendKey = (u: HrmUserRow) => `prep:${u.id}`;

function verification(ctx: MockContext, u: HrmUserRow): VerificationRow | undefined {
  return ctx.db.prepare('SELECT * FROM verifications WHERE hrm_user_id = ?').get(u.id) as VerificationRow | undefined;
}

export function preparationState(ctx: MockContext, u: HrmUserRow): PreparationState {
  const company = requireCompany(ctx, u.company_id);
  const now = ctx.clock.now();
  const linkedEmail = u.connect_account_id ? (getAccount(ctx, u.connect_account_id)?.email ?? null) : null;
  const v = verification(ctx, u);
  const pending =
    !linkedEmail && v?.code_hash && v.expires_at > now && v.failures < ctx.limits.prepMaxFailures
      ? {
          email: v.email,
          expiresAt: v.expires_at,
          attemptsLeft: ctx.limits.prepMaxFailures - v.failures,
          resendAvailableAt: now + sendRetryAfterSeconds(ctx, sendKey(u), ctx.limits.sendMinIntervalMs, ctx.limits.sendMaxPerHour) * 1000,
        }
      : null;
  const snoozed = u.banner_snoozed_until !== null && u.banner_snoozed_until > now;
  return {
    linked: linkedEmail !== null,
    linkedEmail,
    bannerVisible: linkedEmail === null && !snoozed,
    snoozedUntil: snoozed ? u.banner_snoozed_until : null,
    verificationRequired: company.emailVerificationRequired,
    connectLoginEnabled: company.connectLoginEnabled,
    suggestedEmails: suggestedEmails(ctx, u.id),
    pending,
  };
}

/** "Not right now": the banner comes back after 24 hours if the user is still not linked. */
export function snoozeBanner(ctx: MockContext, u: HrmUserRow): void {
  ctx.db.prepare('UPDATE hrm_users SET banner_snoozed_until = ? WHERE id = ?').run(ctx.clock.now() + ctx.limits.bannerSnoozeMs, u.id);
}

/** The outbox reference of a user's current verification code (one at a time: a re-send replaces it). */
const prepRef = (u: HrmUserRow) => `prep:${u.id}`;

function assertLinkable(ctx: MockContext, u: HrmUserRow, email: string): void {
  if (u.connect_account_id) throw new AppError('preparation.already-linked');
  const existing = findAccountByEmail(ctx, email);
  if (existing) {
    const other = ctx.db.prepare('SELECT id FROM hrm_users WHERE connect_account_id = ? AND id != ?').get(existing.id, u.id);
    if (other) throw new AppError('preparation.email-taken');
  }
}

/** Creates a Connect account for the address, or links the one that exists. */
function link(ctx: MockContext, u: HrmUserRow, email: string, via: string): { status: 'linked'; email: string; accountCreated: boolean } {
  return ctx.db.transaction(() => {
    assertLinkable(ctx, u, email);
    const existing = findAccountByEmail(ctx, email);
    const account = existing ?? createAccount(ctx, email, u.name, u.language);
    linkHrmUser(ctx, u.id, account.id);
    ctx.db.prepare('DELETE FROM verifications WHERE hrm_user_id = ?').run(u.id);
    spendOutboxSecret(ctx, prepRef(u));
    audit(ctx, 'prep.linked', u.user_id, { email, accountCreated: !existing, via });
    return { status: 'linked' as const, email, accountCreated: !existing };
  })();
}

/**
 * Sends (or re-sends) a code. A re-send replaces the code but keeps the failure count, so
 * re-sending never buys more guesses; once 5 failures have invalidated a code, the next send
 * starts a new verification. Sends are rate limited (1 a minute, 5 an hour).
 */
export function sendCode(ctx: MockContext, u: HrmUserRow, email: string, by: 'user' | 'admin'): SendCodeResponse {
  if (u.connect_account_id) throw new AppError('preparation.already-linked');
  // The send limit before the address: while it holds, nothing about the address (taken or not) is said.
  const key = sendKey(u);
  const retryAfterSeconds = sendRetryAfterSeconds(ctx, key, ctx.limits.sendMinIntervalMs, ctx.limits.sendMaxPerHour);
  if (retryAfterSeconds > 0) throw new AppError('preparation.rate-limited', { retryAfterSeconds });
  assertLinkable(ctx, u, email);
  if (!requireCompany(ctx, u.company_id).emailVerificationRequired) return link(ctx, u, email, 'no-verification');
  const previous = verification(ctx, u);
  const failures = previous && previous.failures < ctx.limits.prepMaxFailures ? previous.failures : 0;
  const code = randomDigits(6);
  const expiresAt = ctx.clock.now() + ctx.limits.prepCodeMs;
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO verifications (hrm_user_id, email, code_hash, expires_at, failures, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (hrm_user_id) DO UPDATE SET email = excluded.email, code_hash = excluded.code_hash, expires_at = excluded.expires_at, failures = excluded.failures`,
      )
      .run(u.id, email, sha256(codeInput(u.id, code)), expiresAt, failures, ctx.clock.now());
    recordSend(ctx, key);
    const lang = messageLanguage(u.language);
    deliver(
      ctx,
      'email',
      email,
      lang,
      verificationEmail(lang, u.name, code, ctx.limits.prepCodeMs / 60_000, requireCompany(ctx, u.company_id).connectLoginEnabled),
      undefined,
      { value: code, expiresAt, ref: prepRef(u) },
    );
    audit(ctx, 'prep.code-sent', u.user_id, { email, by, resend: Boolean(previous) });
  })();
  return {
    status: 'code-sent',
    email,
    expiresAt,
    resendAvailableAt: nextSendAt(ctx, key, ctx.limits.sendMinIntervalMs, ctx.limits.sendMaxPerHour),
    attemptsLeft: ctx.limits.prepMaxFailures - failures,
  };
}

export function verifyCode(ctx: MockContext, u: HrmUserRow, code: string): { status: 'linked'; email: string; accountCreated: boolean } {
  if (u.connect_account_id) throw new AppError('preparation.already-linked');
  const v = verification(ctx, u);
  if (!v?.code_hash) throw new AppError('preparation.no-pending-code');
  const max = ctx.limits.prepMaxFailures;
  if (v.failures >= max) throw new AppError('preparation.too-many-attempts');
  if (ctx.clock.now() >= v.expires_at) throw new AppError('preparation.code-expired');
  if (!matchesHash(codeInput(u.id, code), v.code_hash)) {
    const failures = v.failures + 1;
    ctx.db.prepare('UPDATE verifications SET failures = ? WHERE hrm_user_id = ?').run(failures, u.id);
    audit(ctx, 'prep.code-failed', u.user_id, { failures });
    if (failures >= max) {
      // The code is dead; keep the row so the state reads "too many attempts" until a new send.
      ctx.db.prepare('UPDATE verifications SET code_hash = NULL WHERE hrm_user_id = ?').run(u.id);
      spendOutboxSecret(ctx, prepRef(u));
      audit(ctx, 'prep.code-invalidated', u.user_id);
      throw new AppError('preparation.too-many-attempts');
    }
    throw new AppError('preparation.code-wrong', { attemptsLeft: max - failures });
  }
  return link(ctx, u, v.email, 'code');
}

/** Admin: removes the link. The Connect account stays; it belongs to the person. */
export function removeConnection(ctx: MockContext, u: HrmUserRow, by: string): void {
  ctx.db.transaction(() => {
    linkHrmUser(ctx, u.id, null);
    ctx.db.prepare('DELETE FROM verifications WHERE hrm_user_id = ?').run(u.id);
    spendOutboxSecret(ctx, prepRef(u));
    audit(ctx, 'prep.connection-removed', u.user_id, { by });
  })();
}

export function pendingEmail(ctx: MockContext, u: HrmUserRow): string | null {
  const v = verification(ctx, u);
  return v && !u.connect_account_id ? v.email : null;
}
