import type { FastifyInstance } from 'fastify';
import type { MockContext } from '../context';
import { requestOrigin } from '../http/origin';
import { registerJson } from '../http/register';
import { companyForEmail } from '../services/companies';
import { passwordSignIn } from '../services/connect-sign-in';
import { PASSWORD_POLICIES } from '../services/password-policy';
import { finishSso, startSso } from '../services/sso';

/** Email-first sign-in: discovery, password, SSO start/finish, and the password policy. */
export function connectSignInRoutes(app: FastifyInstance, ctx: MockContext): void {
  // Decided by the domain alone, never by whether the account exists (no enumeration).
  registerJson(app, ctx, 'discover', ({ body }) => {
    const company = companyForEmail(ctx, body.email);
    if (!company) return { method: 'password' as const };
    if (!company.connectLoginEnabled) return { method: 'not-available' as const };
    if (company.identityProvider === 'sso') return { method: 'sso' as const, providerName: company.ssoProviderName ?? 'SSO' };
    return { method: 'password' as const };
  });
  registerJson(app, ctx, 'passwordPolicy', ({ query }) => PASSWORD_POLICIES[query.preset ?? 'connect']);
  registerJson(app, ctx, 'signInPassword', ({ body, req }) => passwordSignIn(ctx, body, requestOrigin(ctx, req, body.device)));
  registerJson(app, ctx, 'ssoStart', ({ body, req }) => startSso(ctx, body.email, requestOrigin(ctx, req, body.device)));
  registerJson(app, ctx, 'ssoFinish', ({ body }) => finishSso(ctx, body.state, body.code));
}
