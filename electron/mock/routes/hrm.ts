import type { FastifyInstance } from 'fastify';
import type { MockContext } from '../context';
import { registerJson } from '../http/register';
import { requireHrmUser } from '../services/hrm-users';
import { connectSignIn, legacySignIn } from '../services/hrm-sign-in';
import { preparationState, sendCode, snoozeBanner, verifyCode } from '../services/preparation';
import { consumeToken } from '../services/tokens';
import { hrmUserView } from '../services/hrm-users';

/** The Flex HRM back end for every HRM user: sign-in, banner state, account preparation. */
export function hrmRoutes(app: FastifyInstance, ctx: MockContext): void {
  registerJson(app, ctx, 'hrmSignIn', ({ body }) => legacySignIn(ctx, body.userId, body.password));
  registerJson(app, ctx, 'hrmSignInConnect', ({ body }) => connectSignIn(ctx, body.connectToken));
  registerJson(app, ctx, 'hrmSignOut', ({ auth }) => {
    consumeToken(ctx, auth.sessionId);
    return { signedOut: true as const };
  });
  registerJson(app, ctx, 'hrmMe', ({ auth }) => ({ user: hrmUserView(ctx, auth.user), preparation: preparationState(ctx, auth.user) }));
  registerJson(app, ctx, 'hrmSnooze', ({ auth }) => {
    snoozeBanner(ctx, auth.user);
    return preparationState(ctx, requireHrmUser(ctx, auth.user.id));
  });
  registerJson(app, ctx, 'hrmSendCode', ({ auth, body }) => sendCode(ctx, auth.user, body.email, 'user'));
  registerJson(app, ctx, 'hrmVerifyCode', ({ auth, body }) => verifyCode(ctx, auth.user, body.code));
}
