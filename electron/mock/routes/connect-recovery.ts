import type { FastifyInstance } from 'fastify';
import type { MockContext } from '../context';
import { requestOrigin } from '../http/origin';
import { registerJson } from '../http/register';
import { forgotPassword, humanCheck, inspectMagicLink, inspectReset, resetPassword, useMagicLink } from '../services/recovery';

/** "Forgot your password?": human check, reset link, one-time sign-in link. */
export function connectRecoveryRoutes(app: FastifyInstance, ctx: MockContext): void {
  registerJson(app, ctx, 'humanCheck', () => humanCheck(ctx));
  registerJson(app, ctx, 'forgotPassword', ({ body, req }) => forgotPassword(ctx, body, requestOrigin(ctx, req, body.device)));
  registerJson(app, ctx, 'resetInspect', ({ body }) => inspectReset(ctx, body.token));
  registerJson(app, ctx, 'resetPassword', ({ body, req }) =>
    resetPassword(ctx, body.token, body.password, requestOrigin(ctx, req, body.device)),
  );
  registerJson(app, ctx, 'magicInspect', ({ body }) => inspectMagicLink(ctx, body.token));
  registerJson(app, ctx, 'magicLink', ({ body, req }) =>
    useMagicLink(ctx, body.token, requestOrigin(ctx, req, body.device), body.rememberedDeviceToken),
  );
}
