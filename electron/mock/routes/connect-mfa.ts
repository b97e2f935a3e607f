import type { FastifyInstance } from 'fastify';
import type { MockContext } from '../context';
import { registerJson } from '../http/register';
import { sendSignInSms, verifyFactor } from '../services/mfa';
import { pushStatus, startPush } from '../services/push';

/** The second step of a sign-in, with the MFA ticket from the first. */
export function connectMfaRoutes(app: FastifyInstance, ctx: MockContext): void {
  registerJson(app, ctx, 'mfaPushStart', ({ body }) => startPush(ctx, body.ticket));
  registerJson(app, ctx, 'mfaPushStatus', ({ body }) => pushStatus(ctx, body));
  registerJson(app, ctx, 'mfaSmsSend', ({ body }) => sendSignInSms(ctx, body.ticket));
  registerJson(app, ctx, 'mfaVerify', ({ body }) => verifyFactor(ctx, body));
}
