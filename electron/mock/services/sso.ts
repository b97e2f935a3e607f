import type { Language, SignInOutcome } from '@shared/identity-api';
import { AppError } from '@shared/result';
import type { MockContext } from '../context';
import type { RequestOrigin } from '../emails/format';
import { createAccount, findAccountByEmail } from './accounts';
import { audit } from './audit';
import { companyForEmail, requireCompany } from './companies';
import { linkHrmUser } from './hrm-users';
import { completeSignIn } from './sessions';
import { consumeToken, findToken, issueToken, tokenState, type TokenRow } from './tokens';

/**
 * SSO through a simulated external identity provider: start (a state token bound to the address)
 * -> the provider's page/consent (yields a one-time code bound to that state) -> finish (code +
 * state -> Connect session). 2FA belongs to the company's provider, so none is asked here.
 */
export function startSso(ctx: MockContext, email: string, origin: RequestOrigin) {
  const company = companyForEmail(ctx, email);
  if (!company || company.identityProvider !== 'sso') throw new AppError('sso.not-sso');
  const state = issueToken(ctx, 'sso-state', email, ctx.limits.ssoStateMs, { companyId: company.id, origin });
  return {
    state: state.token,
    providerName: company.ssoProviderName ?? 'SSO',
    authorizeUrl: `${ctx.publicUrl}/idp/authorize?state=${encodeURIComponent(state.token)}`,
    expiresAt: state.expiresAt,
  };
}

function openState(ctx: MockContext, token: string): TokenRow {
  const t = findToken(ctx, 'sso-state', token);
  if (!t) throw new AppError('sso.invalid-state');
  const s = tokenState(ctx, t);
  if (s === 'expired') throw new AppError('sso.expired');
  if (s === 'used') throw new AppError('sso.invalid-state');
  return t;
}

/** For the IdP page: who is signing in, and where. */
export function describeState(ctx: MockContext, token: string): { email: string; providerName: string; companyName: string } {
  const t = openState(ctx, token);
  const company = requireCompany(ctx, String(t.data.companyId));
  return { email: t.subject, providerName: company.ssoProviderName ?? 'SSO', companyName: company.name };
}

export function idpConsent(
  ctx: MockContext,
  stateToken: string,
  approve: boolean,
): { status: 'approved'; code: string } | { status: 'denied' } {
  const t = openState(ctx, stateToken);
  if (!approve) {
    consumeToken(ctx, t.id);
    audit(ctx, 'sso.denied', t.subject);
    return { status: 'denied' };
  }
  const code = issueToken(ctx, 'sso-code', t.subject, 2 * 60_000, { stateId: t.id });
  return { status: 'approved', code: code.token };
}

const nameFromEmail = (email: string) =>
  (email.split('@')[0] ?? email)
    .split(/[._-]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join(' ');

export function finishSso(ctx: MockContext, stateToken: string, codeToken: string): SignInOutcome {
  const state = openState(ctx, stateToken);
  const code = findToken(ctx, 'sso-code', codeToken);
  if (!code || code.data.stateId !== state.id) throw new AppError('sso.invalid-state');
  const s = tokenState(ctx, code);
  if (s === 'expired') throw new AppError('sso.expired');
  if (s === 'used' || !consumeToken(ctx, code.id) || !consumeToken(ctx, state.id)) throw new AppError('sso.invalid-state');
  const email = state.subject;
  const companyId = String(state.data.companyId);
  // Just-in-time account: the provider vouches for the address. An HRM user of the company who
  // lists the address (and is not linked) is linked to it.
  const hrm = ctx.db
    .prepare(
      `SELECT u.id, u.name, u.language, u.connect_account_id FROM hrm_users u JOIN hrm_suggested_emails s ON s.hrm_user_id = u.id
       WHERE u.company_id = ? AND s.email = ? LIMIT 1`,
    )
    .get(companyId, email) as { id: string; name: string; language: Language; connect_account_id: string | null } | undefined;
  const account = findAccountByEmail(ctx, email) ?? createAccount(ctx, email, hrm?.name ?? nameFromEmail(email), hrm?.language ?? 'sv');
  if (hrm && !hrm.connect_account_id) linkHrmUser(ctx, hrm.id, account.id);
  audit(ctx, 'sso.approved', email, { companyId });
  return completeSignIn(ctx, account, state.data.origin as RequestOrigin, { method: 'sso' });
}
