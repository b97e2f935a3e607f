import * as A from './account';
import * as C from './connect';
import { Empty } from './common';
import { json, type RouteDef } from './route-def';

/** The signed-in Connect account: profile, password, sign-out and 2FA enrolment. */
export const accountRoutes = {
  me: json({ method: 'GET', path: '/connect/me', auth: 'connect', response: A.AccountOverviewSchema }),
  meUpdate: json({ method: 'PATCH', path: '/connect/me', auth: 'connect', body: A.ProfileUpdateSchema, response: A.AccountOverviewSchema }),
  changePassword: json({
    method: 'POST',
    path: '/connect/me/password',
    auth: 'connect',
    body: A.ChangePasswordRequestSchema,
    response: C.PasswordChangedSchema,
  }),
  signOut: json({ method: 'POST', path: '/connect/sign-out', auth: 'connect', body: Empty.optional(), response: A.SignedOutSchema }),
  remindLater: json({
    method: 'POST',
    path: '/connect/2fa/remind-later',
    auth: 'connect',
    body: Empty.optional(),
    response: A.RemindLaterResponseSchema,
  }),
  pushEnrolStart: json({
    method: 'POST',
    path: '/connect/2fa/push/start',
    auth: 'connect',
    body: Empty.optional(),
    response: A.PushEnrolStartResponseSchema,
  }),
  pushEnrolStatus: json({
    method: 'POST',
    path: '/connect/2fa/push/status',
    auth: 'connect',
    body: A.EnrolmentIdRequestSchema,
    response: A.PushEnrolStatusResponseSchema,
  }),
  pushEnrolConsent: json({
    method: 'POST',
    path: '/connect/2fa/push/consent',
    auth: 'connect',
    body: A.PushConsentRequestSchema,
    response: A.PushEnrolStatusResponseSchema,
  }),
  totpEnrolStart: json({
    method: 'POST',
    path: '/connect/2fa/totp/start',
    auth: 'connect',
    body: Empty.optional(),
    response: A.TotpEnrolStartResponseSchema,
  }),
  totpEnrolConfirm: json({
    method: 'POST',
    path: '/connect/2fa/totp/confirm',
    auth: 'connect',
    body: A.EnrolCodeRequestSchema,
    response: A.FactorResponseSchema,
  }),
  smsEnrolStart: json({
    method: 'POST',
    path: '/connect/2fa/sms/start',
    auth: 'connect',
    body: A.SmsEnrolStartRequestSchema,
    response: A.SmsEnrolStartResponseSchema,
  }),
  smsEnrolConfirm: json({
    method: 'POST',
    path: '/connect/2fa/sms/confirm',
    auth: 'connect',
    body: A.EnrolCodeRequestSchema,
    response: A.FactorResponseSchema,
  }),
  emergencyStart: json({
    method: 'POST',
    path: '/connect/2fa/emergency/start',
    auth: 'connect',
    body: Empty.optional(),
    response: A.EmergencyStartResponseSchema,
  }),
  emergencyConfirm: json({
    method: 'POST',
    path: '/connect/2fa/emergency/confirm',
    auth: 'connect',
    body: A.EmergencyConfirmRequestSchema,
    response: A.FactorResponseSchema,
  }),
  factorRemove: json({
    method: 'DELETE',
    path: '/connect/2fa/factors/:factorId',
    auth: 'connect',
    params: A.FactorParamsSchema,
    response: A.RemovedSchema,
  }),
} as const satisfies Record<string, RouteDef>;
