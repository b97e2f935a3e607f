import type { FastifyInstance } from 'fastify';
import type { MockContext } from '../context';
import { requestOrigin } from '../http/origin';
import { registerJson } from '../http/register';
import { accountOverview, remindLater, updateProfile } from '../services/account-overview';
import { requireAccount } from '../services/accounts';
import { audit } from '../services/audit';
import {
  confirmEmergency,
  confirmSms,
  confirmTotp,
  pushConsent,
  pushEnrolmentStatus,
  removeFactor,
  startEmergency,
  startPushEnrolment,
  startSmsEnrolment,
  startTotpEnrolment,
} from '../services/enrolment';
import { changePassword } from '../services/recovery';
import { consumeToken } from '../services/tokens';

/** A signed-in Connect user's account settings and 2FA enrolment. */
export function connectAccountRoutes(app: FastifyInstance, ctx: MockContext): void {
  registerJson(app, ctx, 'me', ({ auth }) => accountOverview(ctx, auth.account));
  registerJson(app, ctx, 'meUpdate', ({ auth, body }) => updateProfile(ctx, auth.account, body));
  registerJson(app, ctx, 'changePassword', ({ auth, body, req }) =>
    changePassword(ctx, auth.account, auth.sessionId, body.currentPassword, body.newPassword, requestOrigin(ctx, req)),
  );
  registerJson(app, ctx, 'signOut', ({ auth }) => {
    consumeToken(ctx, auth.sessionId);
    audit(ctx, 'connect.sign-out', auth.account.email);
    return { signedOut: true as const };
  });
  registerJson(app, ctx, 'remindLater', ({ auth }) => remindLater(ctx, auth.account));

  registerJson(app, ctx, 'pushEnrolStart', ({ auth }) => startPushEnrolment(ctx, auth.account));
  registerJson(app, ctx, 'pushEnrolStatus', ({ auth, body }) => pushEnrolmentStatus(ctx, auth.account, body.enrolmentId));
  registerJson(app, ctx, 'pushEnrolConsent', ({ auth, body }) => pushConsent(ctx, auth.account, body.enrolmentId, body.approve));
  registerJson(app, ctx, 'totpEnrolStart', ({ auth }) => startTotpEnrolment(ctx, auth.account));
  registerJson(app, ctx, 'totpEnrolConfirm', ({ auth, body }) => ({ factor: confirmTotp(ctx, auth.account, body.enrolmentId, body.code) }));
  registerJson(app, ctx, 'smsEnrolStart', ({ auth, body }) => startSmsEnrolment(ctx, auth.account, body.phone, body.defaultCountryCode));
  registerJson(app, ctx, 'smsEnrolConfirm', ({ auth, body }) => ({ factor: confirmSms(ctx, auth.account, body.enrolmentId, body.code) }));
  registerJson(app, ctx, 'emergencyStart', ({ auth }) => startEmergency(ctx, auth.account));
  registerJson(app, ctx, 'emergencyConfirm', ({ auth, body }) => ({ factor: confirmEmergency(ctx, auth.account, body.enrolmentId) }));
  registerJson(app, ctx, 'factorRemove', ({ auth, params }) => {
    removeFactor(ctx, requireAccount(ctx, auth.account.id), params.factorId);
    return { removed: true as const };
  });
}
