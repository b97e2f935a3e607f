import { sameSecret } from '../../loopback-http/same-secret';
import type { FastifyInstance } from 'fastify';
import { ManualClock } from '@shared/clock';
import { AppError } from '@shared/result';
import type { MockContext } from '../context';
import { sendError } from '../http/errors';
import { registerJson } from '../http/register';
import { listAudit } from '../services/audit';
import { listOutbox } from '../services/outbox';
import { resetData } from '../services/seed';

/**
 * Test control: only registered when the mock starts with a token, and even then a wrong or
 * missing `x-test-control-token` gets the same 404 as a mock without it (nothing to discover).
 */
export async function testControlRoutes(app: FastifyInstance, ctx: MockContext, token: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/require-await -- a Fastify plugin is async or takes done(); this one needs no await.
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req, reply) => {
      const presented = req.headers['x-test-control-token'];
      if (typeof presented !== 'string' || !sameSecret(presented, token)) return sendError(reply, { code: 'not-found' });
    });
    registerJson(scope, ctx, 'testReset', async ({ body }) => {
      const seed = body?.seed ?? true;
      await resetData(ctx, seed);
      ctx.throttle.reset();
      return { reset: true as const, seeded: seed };
    });
    registerJson(scope, ctx, 'testOutbox', ({ query }) => ({ messages: listOutbox(ctx, query.recipient) }));
    registerJson(scope, ctx, 'testClock', () => ({ now: ctx.clock.now() }));
    registerJson(scope, ctx, 'testClockAdvance', ({ body }) => {
      if (!(ctx.clock instanceof ManualClock)) throw new AppError('request.invalid', { field: 'clock', issue: 'clock-not-manual' });
      ctx.clock.advance(body.ms);
      return { now: ctx.clock.now() };
    });
    registerJson(scope, ctx, 'testAudit', ({ query }) => ({ events: listAudit(ctx, query) }));
  });
}
