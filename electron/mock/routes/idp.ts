import type { FastifyInstance, FastifyReply } from 'fastify';
import { isAppError } from '@shared/result';
import type { MockContext } from '../context';
import { registerJson, registerRaw } from '../http/register';
import { describeState, idpConsent } from '../services/sso';
import { escapeHtml, page, PAGE_CSP } from './pages';

/** The simulated external identity provider ("Entra ID" etc.) of SSO companies. */
export function idpRoutes(app: FastifyInstance, ctx: MockContext): void {
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .code(status)
      .header('content-security-policy', PAGE_CSP)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(body);

  registerRaw(app, ctx, 'idpAuthorizePage', ({ query, reply }) => {
    try {
      const s = describeState(ctx, query.state);
      return html(
        reply,
        200,
        page(
          `${s.providerName} (simulated)`,
          `
<h1>${escapeHtml(s.providerName)}</h1>
<p class="note">Simulated identity provider of ${escapeHtml(s.companyName)}; no real sign-in happens.</p>
<p>Sign in as <strong>${escapeHtml(s.email)}</strong> and continue to Visma Connect?</p>
<form method="post" action="/idp/authorize">
<input type="hidden" name="state" value="${escapeHtml(query.state)}">
<button name="decision" value="approve">Continue</button><button name="decision" value="deny">Cancel</button>
</form>`,
        ),
      );
    } catch (e) {
      if (!isAppError(e)) throw e;
      return html(
        reply,
        400,
        page(
          'Sign-in expired',
          `<h1>This sign-in has expired</h1><p>Go back to the app and start again.</p><p class="note">${escapeHtml(e.code)}</p>`,
        ),
      );
    }
  });

  registerRaw(app, ctx, 'idpAuthorizeForm', ({ body, reply }) => {
    const result = idpConsent(ctx, body.state, body.decision === 'approve');
    const q =
      result.status === 'approved'
        ? `state=${encodeURIComponent(body.state)}&code=${encodeURIComponent(result.code)}`
        : `state=${encodeURIComponent(body.state)}&error=sso.denied`;
    if (ctx.appBaseUrl) return reply.header('referrer-policy', 'no-referrer').redirect(`${ctx.appBaseUrl}#/link/sso?${q}`, 303);
    return html(
      reply,
      200,
      page(
        'Done',
        result.status === 'approved'
          ? '<h1>Signed in</h1><p>You can close this window and return to Flex HRM.</p>'
          : '<h1>Cancelled</h1><p>You can close this window.</p>',
      ),
    );
  });

  registerJson(app, ctx, 'idpConsent', ({ body }) => idpConsent(ctx, body.state, body.approve));
}
