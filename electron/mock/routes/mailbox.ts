import type { FastifyInstance } from 'fastify';
import { DEEP_LINK_ACTIONS, DEEP_LINK_SCHEME } from '@shared/deep-links';
import { AppError } from '@shared/result';
import type { MockContext } from '../context';
import { registerJson, registerRaw } from '../http/register';
import { listOutbox } from '../services/outbox';
import { escapeHtml, page, PAGE_CSP } from './pages';

/**
 * The demo mailbox and link landing. A real identity server has neither: its mail goes to real
 * inboxes. The embedded mock is a demo server on loopback, and the app's in-app mailbox reads this.
 */
export function mailboxRoutes(app: FastifyInstance, ctx: MockContext): void {
  registerJson(app, ctx, 'mailbox', ({ query }) => ({ messages: listOutbox(ctx, query.recipient) }));

  registerRaw(app, ctx, 'openLink', ({ params, query, reply }) => {
    if (!(DEEP_LINK_ACTIONS as readonly string[]).includes(params.action)) throw new AppError('not-found');
    const token = encodeURIComponent(query.token);
    // The token is in the URL: keep it out of Referer headers and caches.
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    if (ctx.appBaseUrl) return reply.redirect(`${ctx.appBaseUrl}#/link/${params.action}?token=${token}`, 302);
    const deep = `${DEEP_LINK_SCHEME}://${params.action}?token=${token}`;
    return reply
      .header('content-security-policy', PAGE_CSP)
      .type('text/html; charset=utf-8')
      .send(page('Open in Flex HRM', `<h1>Open in Flex HRM</h1><p><a href="${escapeHtml(deep)}">Open the link in the app</a></p>`));
  });
}
