import type { HrmSession } from '@shared/identity-api';
import { AppError } from '@shared/result';
import type { MockContext } from '../context';
import { audit } from './audit';
import { requireCompany } from './companies';
import { verifyOrDummy } from './dummy-hash';
import { findHrmUserByLogin, hrmUserForAccount, hrmUserView, type HrmUserRow } from './hrm-users';
import { guessFailed, guessSucceeded, reserveGuess } from './limits';
import { lockoutRule } from './password-policy';
import { findValidToken, issueToken } from './tokens';

function hrmSession(ctx: MockContext, user: HrmUserRow, method: 'legacy' | 'connect'): HrmSession {
  const t = issueToken(ctx, 'hrm-session', user.id, ctx.limits.hrmSessionMs, { method });
  audit(ctx, 'hrm.sign-in', user.user_id, { method });
  return { token: t.token, expiresAt: t.expiresAt, method, user: hrmUserView(ctx, user) };
}

/**
 * Legacy user id + password, for companies before their cutover. The password is checked first,
 * so "use Connect sign-in" is only told to someone who knows it (no probing of user ids).
 */
export async function legacySignIn(ctx: MockContext, userId: string, password: string): Promise<HrmSession> {
  const key = `hrm:${userId.toLowerCase()}`;
  const rule = lockoutRule('connect');
  const reserved = reserveGuess(ctx, key, rule);
  if (reserved.started) audit(ctx, 'hrm.locked', userId.toLowerCase());
  if (reserved.minutesLeft > 0) throw new AppError('hrm.locked', { minutesLeft: reserved.minutesLeft });
  const user = findHrmUserByLogin(ctx, userId);
  const ok = await verifyOrDummy(ctx.hasher, user?.password_hash, password);
  if (!ok || !user) {
    const lock = guessFailed(ctx, key, rule, reserved.reservation);
    audit(ctx, 'hrm.sign-in-failed', userId.toLowerCase());
    if (lock.started) audit(ctx, 'hrm.locked', userId.toLowerCase());
    if (lock.minutesLeft > 0) throw new AppError('hrm.locked', { minutesLeft: lock.minutesLeft });
    throw new AppError('hrm.invalid-credentials');
  }
  const lockedFor = guessSucceeded(ctx, key, reserved.reservation);
  if (lockedFor > 0) throw new AppError('hrm.locked', { minutesLeft: lockedFor });
  if (requireCompany(ctx, user.company_id).connectLoginEnabled) {
    // Guidance only for someone who knows the password: a user never linked cannot use Connect
    // either, and "sign in with your email address" would end at "Wrong email address or password".
    throw new AppError(user.connect_account_id ? 'hrm.use-connect-sign-in' : 'hrm.never-linked');
  }
  return hrmSession(ctx, user, 'legacy');
}

/** After cutover: a Connect session of a linked account opens an HRM session. */
export function connectSignIn(ctx: MockContext, connectToken: string): HrmSession {
  const t = findValidToken(ctx, 'connect-session', connectToken);
  if (!t) throw new AppError('auth.invalid-session');
  const user = hrmUserForAccount(ctx, t.subject);
  if (!user) throw new AppError('hrm.not-linked');
  if (!requireCompany(ctx, user.company_id).connectLoginEnabled) throw new AppError('hrm.connect-login-not-enabled');
  return hrmSession(ctx, user, 'connect');
}
