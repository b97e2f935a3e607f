import { setTimeout as sleep } from 'node:timers/promises';
import type { Language, PasswordPolicy, SignInOutcome } from '@shared/identity-api';
import { AppError } from '@shared/result';
import { messageLanguage } from '../http/request-context';
import type { MockContext } from '../context';
import type { RequestOrigin } from '../emails/format';
import { magicLinkEmail, passwordChangedEmail, resetEmail } from '../emails/templates';
import { findAccountByEmail, passwordHistory, presetForEmail, requireAccount, storePassword, type AccountRow } from './accounts';
import { audit } from './audit';
import { clearFailures, recordSend, sendRetryAfterSeconds } from './limits';
import { deliver } from './outbox';
import { checkPassword, PASSWORD_POLICIES } from './password-policy';
import { afterFirstFactor } from './sessions';
import { consumeToken, findToken, findValidToken, issueToken, revokeTokens, tokenState, type TokenRow } from './tokens';

/** The mock "I'm not a robot": ticking the box yields a 2-minute, single-use token. */
export function humanCheck(ctx: MockContext): { humanToken: string; expiresAt: number } {
  const t = issueToken(ctx, 'human-check', 'anonymous', ctx.limits.humanCheckMs);
  return { humanToken: t.token, expiresAt: t.expiresAt };
}

/**
 * "Forgot your password?". The answer is the same `{ status: 'sent' }` for every address, and it
 * is padded to a fixed minimum duration (real timers, not the mock clock) so that neither the
 * body nor the timing tells whether the address has an account. At most 5 emails an hour go to
 * one address; extra requests are answered the same way and silently dropped.
 */
export async function forgotPassword(
  ctx: MockContext,
  input: { email: string; kind: 'reset' | 'magic-link'; humanToken: string; language?: Language | undefined },
  origin: RequestOrigin,
): Promise<{ status: 'sent' }> {
  const started = performance.now();
  try {
    const human = findValidToken(ctx, 'human-check', input.humanToken);
    if (!human || !consumeToken(ctx, human.id)) throw new AppError('human-check.invalid');
    const account = findAccountByEmail(ctx, input.email);
    const key = `forgot:${input.email}`;
    const limited = sendRetryAfterSeconds(ctx, key, 0, ctx.limits.sendMaxPerHour) > 0;
    recordSend(ctx, key);
    if (account && !limited) sendLink(ctx, account, input.kind, origin, input.language);
    audit(ctx, input.kind === 'reset' ? 'connect.reset-requested' : 'connect.magic-link-requested', input.email, {
      known: Boolean(account),
      limited,
      ip: origin.ip,
    });
    return { status: 'sent' };
  } finally {
    const left = ctx.limits.forgotPasswordMinMs - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

function sendLink(ctx: MockContext, account: AccountRow, kind: 'reset' | 'magic-link', origin: RequestOrigin, language?: Language): void {
  // The language asked for (the form's, or the app's Accept-Language), else the account's.
  const lang = language ?? messageLanguage(account.language);
  if (kind === 'reset') {
    const t = issueToken(ctx, 'reset-link', account.id, ctx.limits.resetLinkMs);
    deliver(ctx, 'email', account.email, lang, resetEmail(lang, account.email, ctx.limits.resetLinkMs / 3_600_000, origin), {
      action: 'reset-password',
      token: t.token,
      tokenId: t.id,
      expiresAt: t.expiresAt,
    });
  } else {
    const t = issueToken(ctx, 'magic-link', account.id, ctx.limits.magicLinkMs);
    deliver(ctx, 'email', account.email, lang, magicLinkEmail(lang, account.email, ctx.limits.magicLinkMs / 60_000, origin), {
      action: 'magic-link',
      token: t.token,
      tokenId: t.id,
      expiresAt: t.expiresAt,
    });
  }
}

function openLink(ctx: MockContext, kind: 'reset-link' | 'magic-link', token: string): TokenRow {
  const t = findToken(ctx, kind, token);
  if (!t) throw new AppError('link.invalid');
  const state = tokenState(ctx, t);
  if (state === 'used') throw new AppError('link.used');
  if (state === 'expired') throw new AppError('link.expired');
  return t;
}

export function inspectReset(ctx: MockContext, token: string): { email: string; policy: PasswordPolicy; expiresAt: number } {
  const t = openLink(ctx, 'reset-link', token);
  const account = requireAccount(ctx, t.subject);
  return { email: account.email, policy: PASSWORD_POLICIES[presetForEmail(ctx, account.email, account)], expiresAt: t.expiresAt };
}

/** Policy, then history of 5 (argon2 comparison against each stored hash). */
async function acceptablePassword(ctx: MockContext, account: AccountRow, password: string): Promise<string> {
  const preset = presetForEmail(ctx, account.email, account);
  const failed = checkPassword(password, preset, account.email);
  if (failed.length > 0) throw new AppError('password.policy', { failed: failed.join(','), preset });
  const historySize = PASSWORD_POLICIES[preset].historySize;
  for (const old of passwordHistory(ctx, account.id, historySize)) {
    if (await ctx.hasher.verify(old, password)) throw new AppError('password.reused', { historySize });
  }
  return ctx.hasher.hash(password);
}

function passwordChanged(ctx: MockContext, account: AccountRow, origin: RequestOrigin, how: string, keepSessionId?: string): void {
  // Every other session ends: whoever knew the old password is signed out.
  const sessions = ctx.db
    .prepare("SELECT id FROM tokens WHERE kind = 'connect-session' AND subject = ? AND used_at IS NULL")
    .all(account.id) as { id: string }[];
  for (const s of sessions) if (s.id !== keepSessionId) consumeToken(ctx, s.id);
  revokeTokens(ctx, 'reset-link', account.id);
  clearFailures(ctx, `connect:${account.email}`);
  const lang = messageLanguage(account.language);
  deliver(ctx, 'email', account.email, lang, passwordChangedEmail(lang, account.email, origin));
  audit(ctx, 'connect.password-changed', account.email, { how, ip: origin.ip });
}

/** Sets the new password; no session is issued: the user signs in with it afterwards. */
export async function resetPassword(
  ctx: MockContext,
  token: string,
  password: string,
  origin: RequestOrigin,
): Promise<{ status: 'password-changed' }> {
  const t = openLink(ctx, 'reset-link', token);
  const account = requireAccount(ctx, t.subject);
  const hash = await acceptablePassword(ctx, account, password);
  // Consumed only now, so a rejected password does not burn the link; of two racing uses one wins.
  if (!consumeToken(ctx, t.id)) throw new AppError('link.used');
  storePassword(ctx, account.id, hash, PASSWORD_POLICIES[presetForEmail(ctx, account.email, account)].historySize);
  passwordChanged(ctx, account, origin, 'reset');
  return { status: 'password-changed' };
}

export async function changePassword(
  ctx: MockContext,
  account: AccountRow,
  sessionId: string,
  current: string,
  next: string,
  origin: RequestOrigin,
): Promise<{ status: 'password-changed' }> {
  if (!account.password_hash || !(await ctx.hasher.verify(account.password_hash, current))) {
    audit(ctx, 'connect.password-change-failed', account.email);
    throw new AppError('password.wrong-current');
  }
  const hash = await acceptablePassword(ctx, account, next);
  storePassword(ctx, account.id, hash, PASSWORD_POLICIES[presetForEmail(ctx, account.email, account)].historySize);
  passwordChanged(ctx, account, origin, 'change', sessionId);
  return { status: 'password-changed' };
}

/** Whose one-time sign-in link this is; does not use it. */
export function inspectMagicLink(ctx: MockContext, token: string): { email: string; expiresAt: number } {
  const t = openLink(ctx, 'magic-link', token);
  return { email: requireAccount(ctx, t.subject).email, expiresAt: t.expiresAt };
}

/** A one-time sign-in link passes the first factor only; 2FA still applies; password unchanged. */
export function useMagicLink(ctx: MockContext, token: string, origin: RequestOrigin, rememberedDeviceToken?: string): SignInOutcome {
  const t = openLink(ctx, 'magic-link', token);
  if (!consumeToken(ctx, t.id)) throw new AppError('link.used');
  const account = requireAccount(ctx, t.subject);
  audit(ctx, 'connect.magic-link-used', account.email, { ip: origin.ip });
  return afterFirstFactor(ctx, account, origin, 'magic-link', rememberedDeviceToken);
}
