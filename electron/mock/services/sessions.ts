import type { MfaRequired, SignedIn, SignInOutcome } from '@shared/identity-api';
import type { MockContext } from '../context';
import type { RequestOrigin } from '../emails/format';
import { hrmLink, type AccountRow } from './accounts';
import { audit } from './audit';
import { availableFactors, hasTwoFactor, listFactors, maskPhone } from './factors';
import { findValidToken, issueToken } from './tokens';

/** How the first factor was passed; recorded in the audit log and the MFA ticket. */
export type SignInMethod = 'password' | 'magic-link' | 'sso';

export function recordRecentDevice(ctx: MockContext, accountId: string, o: RequestOrigin): void {
  ctx.db
    .prepare(
      `INSERT INTO recent_devices (account_id, name, browser, country, ip, last_used_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, name, browser, ip) DO UPDATE SET country = excluded.country, last_used_at = excluded.last_used_at`,
    )
    .run(accountId, o.device, o.browser, o.country, o.ip, o.at);
}

/** Issues the Connect session: the only way a sign-in ends. */
export function completeSignIn(
  ctx: MockContext,
  account: AccountRow,
  origin: RequestOrigin,
  opts: { method: SignInMethod; via?: string; rememberDevice?: boolean; newEmergencyCode?: string | null },
): SignedIn {
  const session = issueToken(ctx, 'connect-session', account.id, ctx.limits.connectSessionMs);
  const remembered = opts.rememberDevice ? issueToken(ctx, 'remembered-device', account.id, ctx.limits.rememberDeviceMs).token : null;
  recordRecentDevice(ctx, account.id, origin);
  audit(ctx, 'connect.sign-in', account.email, {
    method: opts.method,
    via: opts.via ?? null,
    ip: origin.ip,
    rememberDevice: Boolean(remembered),
  });
  const remindLater = account.remind_later_until !== null && account.remind_later_until > ctx.clock.now();
  return {
    status: 'signed-in',
    session: { token: session.token, expiresAt: session.expiresAt },
    account: { id: account.id, email: account.email, name: account.name, language: account.language },
    // SSO sign-ins leave 2FA to the company's identity provider.
    twoFactorPrompt: opts.method !== 'sso' && !hasTwoFactor(ctx, account.id) && !remindLater,
    rememberedDeviceToken: remembered,
    newEmergencyCode: opts.newEmergencyCode ?? null,
    hrm: hrmLink(ctx, account.id),
  };
}

/**
 * After the first factor: straight in, or an MFA ticket when the account has 2FA and this
 * device is not remembered for it. A magic link passes only the first factor, so 2FA applies.
 */
export function afterFirstFactor(
  ctx: MockContext,
  account: AccountRow,
  origin: RequestOrigin,
  method: SignInMethod,
  rememberedDeviceToken?: string,
): SignInOutcome {
  if (!hasTwoFactor(ctx, account.id)) return completeSignIn(ctx, account, origin, { method });
  const remembered = rememberedDeviceToken ? findValidToken(ctx, 'remembered-device', rememberedDeviceToken) : undefined;
  if (remembered && remembered.subject === account.id) return completeSignIn(ctx, account, origin, { method, via: 'remembered-device' });
  const ticket = issueToken(ctx, 'mfa-ticket', account.id, ctx.limits.mfaTicketMs, { method, origin });
  const sms = listFactors(ctx, account.id, 'sms')[0];
  const required: MfaRequired = {
    status: 'mfa-required',
    ticket: ticket.token,
    expiresAt: ticket.expiresAt,
    factors: availableFactors(ctx, account.id),
    maskedPhone: sms?.phone ? maskPhone(sms.phone) : null,
    attemptsLeft: ctx.limits.mfaMaxFailures,
  };
  audit(ctx, 'connect.mfa-required', account.email, { method });
  return required;
}
