import type { z } from 'zod';
import * as A from './account';
import * as C from './connect';
import { Empty, PasswordPolicySchema } from './common';
import * as D from './devices';
import * as H from './hrm';
import * as O from './outbox';

/**
 * The identity API route table: one entry per HTTP route, with zod schemas for the body, query
 * and path params it accepts and for the `value` of its `{ ok: true, value }` answer. The mock
 * registers its handlers from this table (so it cannot drift) and the app's client parses every
 * answer with the same schemas. Errors: `{ ok: false, error: { code, params? } }`, see errors.ts.
 *
 * auth:
 * - `hrm` / `hrm-admin`: `Authorization: Bearer <HRM session token>` (admin: role admin)
 * - `connect`: `Authorization: Bearer <Connect session token>`
 * - `device`: `Authorization: Bearer <deviceCredential>` for the `:deviceId` in the path
 * - `mailbox`: `Authorization: Bearer <mailbox token>` the app started the embedded mock with; 404 without one
 * - `test-control`: header `x-test-control-token`; without a configured token these are 404
 */
export type RouteAuth = 'none' | 'hrm' | 'hrm-admin' | 'connect' | 'device' | 'mailbox' | 'test-control';
export type RouteKind = 'json' | 'html' | 'redirect' | 'sse';
/**
 * Routes the server throttles per client (a point per request, before the body is read; see
 * API.md for the numbers): keyed by the signed-in user on authenticated routes, by the client's
 * address otherwise. Over the limit: `request.rate-limited { retryAfterSeconds }`.
 */
export type RouteThrottle = 'sign-in' | 'human-check' | 'recovery' | 'address-check';

export interface RouteDef {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  auth: RouteAuth;
  kind: RouteKind;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  /** Schema of `value` for json routes. */
  response?: z.ZodType;
  throttle?: RouteThrottle;
}

const json = <const R extends Omit<RouteDef, 'kind'> & { response: z.ZodType }>(r: R) => ({ ...r, kind: 'json' as const });

export const identityRoutes = {
  health: json({ method: 'GET', path: '/health', auth: 'none', response: O.HealthResponseSchema }),

  // --- HRM back end ---------------------------------------------------------------------------
  hrmSignIn: json({
    method: 'POST',
    path: '/hrm/sign-in',
    auth: 'none',
    throttle: 'sign-in',
    body: H.HrmSignInRequestSchema,
    response: H.HrmSessionSchema,
  }),
  hrmSignInConnect: json({
    method: 'POST',
    path: '/hrm/sign-in/connect',
    auth: 'none',
    body: H.HrmConnectSignInRequestSchema,
    response: H.HrmSessionSchema,
  }),
  hrmSignOut: json({ method: 'POST', path: '/hrm/sign-out', auth: 'hrm', body: Empty.optional(), response: A.SignedOutSchema }),
  hrmMe: json({ method: 'GET', path: '/hrm/me', auth: 'hrm', response: H.HrmMeSchema }),
  hrmSnooze: json({
    method: 'POST',
    path: '/hrm/preparation/snooze',
    auth: 'hrm',
    body: Empty.optional(),
    response: H.PreparationStateSchema,
  }),
  hrmSendCode: json({
    method: 'POST',
    path: '/hrm/preparation/send-code',
    auth: 'hrm',
    throttle: 'address-check',
    body: H.SendCodeRequestSchema,
    response: H.SendCodeResponseSchema,
  }),
  hrmVerifyCode: json({
    method: 'POST',
    path: '/hrm/preparation/verify',
    auth: 'hrm',
    body: H.VerifyCodeRequestSchema,
    response: H.LinkedSchema,
  }),
  adminCompany: json({ method: 'GET', path: '/hrm/admin/company', auth: 'hrm-admin', response: H.CompanySettingsSchema }),
  adminCompanyUpdate: json({
    method: 'PATCH',
    path: '/hrm/admin/company',
    auth: 'hrm-admin',
    body: H.CompanySettingsUpdateSchema,
    response: H.CompanySettingsSchema,
  }),
  adminUsers: json({ method: 'GET', path: '/hrm/admin/users', auth: 'hrm-admin', response: H.AdminUsersResponseSchema }),
  adminResend: json({
    method: 'POST',
    path: '/hrm/admin/users/:userId/resend-verification',
    auth: 'hrm-admin',
    params: H.AdminUserParamsSchema,
    body: H.AdminResendRequestSchema,
    response: H.SendCodeResponseSchema,
  }),
  adminRemoveConnection: json({
    method: 'DELETE',
    path: '/hrm/admin/users/:userId/connection',
    auth: 'hrm-admin',
    params: H.AdminUserParamsSchema,
    response: H.AdminRemoveConnectionResponseSchema,
  }),

  // --- Connect: discovery and sign-in ---------------------------------------------------------
  discover: json({
    method: 'POST',
    path: '/connect/discover',
    auth: 'none',
    body: C.DiscoverRequestSchema,
    response: C.DiscoverResponseSchema,
  }),
  passwordPolicy: json({
    method: 'GET',
    path: '/connect/password-policy',
    auth: 'none',
    query: C.PasswordPolicyQuerySchema,
    response: PasswordPolicySchema,
  }),
  signInPassword: json({
    method: 'POST',
    path: '/connect/sign-in/password',
    auth: 'none',
    throttle: 'sign-in',
    body: C.PasswordSignInRequestSchema,
    response: C.SignInOutcomeSchema,
  }),
  ssoStart: json({
    method: 'POST',
    path: '/connect/sso/start',
    auth: 'none',
    body: C.SsoStartRequestSchema,
    response: C.SsoStartResponseSchema,
  }),
  idpAuthorizePage: { method: 'GET', path: '/idp/authorize', auth: 'none', kind: 'html', query: C.IdpAuthorizeQuerySchema },
  /** The page's own form post (urlencoded): redirects to `appBaseUrl#/link/sso?state=&code=` or shows the result. */
  idpAuthorizeForm: { method: 'POST', path: '/idp/authorize', auth: 'none', kind: 'redirect', body: C.IdpFormRequestSchema },
  /** The same consent as JSON, for clients that show the IdP step themselves. */
  idpConsent: json({
    method: 'POST',
    path: '/idp/consent',
    auth: 'none',
    body: C.IdpConsentRequestSchema,
    response: C.IdpConsentResponseSchema,
  }),
  ssoFinish: json({
    method: 'POST',
    path: '/connect/sso/finish',
    auth: 'none',
    body: C.SsoFinishRequestSchema,
    response: C.SignInOutcomeSchema,
  }),

  // --- Connect: recovery ------------------------------------------------------------------------
  humanCheck: json({
    method: 'POST',
    path: '/connect/human-check',
    auth: 'none',
    throttle: 'human-check',
    body: C.HumanCheckRequestSchema,
    response: C.HumanCheckResponseSchema,
  }),
  forgotPassword: json({
    method: 'POST',
    path: '/connect/forgot-password',
    auth: 'none',
    throttle: 'recovery',
    body: C.ForgotPasswordRequestSchema,
    response: C.ForgotPasswordResponseSchema,
  }),
  resetInspect: json({
    method: 'POST',
    path: '/connect/password-reset/inspect',
    auth: 'none',
    body: C.LinkTokenRequestSchema,
    response: C.ResetInspectResponseSchema,
  }),
  resetPassword: json({
    method: 'POST',
    path: '/connect/password-reset',
    auth: 'none',
    body: C.ResetPasswordRequestSchema,
    response: C.PasswordChangedSchema,
  }),
  magicLink: json({
    method: 'POST',
    path: '/connect/magic-link',
    auth: 'none',
    body: C.MagicLinkRequestSchema,
    response: C.SignInOutcomeSchema,
  }),
  magicInspect: json({
    method: 'POST',
    path: '/connect/magic-link/inspect',
    auth: 'none',
    body: C.LinkTokenRequestSchema,
    response: C.MagicInspectResponseSchema,
  }),

  // --- Connect: 2FA at sign-in (mfa ticket) -----------------------------------------------------
  mfaPushStart: json({
    method: 'POST',
    path: '/connect/mfa/push/start',
    auth: 'none',
    body: C.PushStartRequestSchema,
    response: C.PushStartResponseSchema,
  }),
  mfaPushStatus: json({
    method: 'POST',
    path: '/connect/mfa/push/status',
    auth: 'none',
    body: C.PushStatusRequestSchema,
    response: C.PushStatusResponseSchema,
  }),
  mfaSmsSend: json({
    method: 'POST',
    path: '/connect/mfa/sms/send',
    auth: 'none',
    body: C.SmsSendRequestSchema,
    response: C.SmsSendResponseSchema,
  }),
  mfaVerify: json({
    method: 'POST',
    path: '/connect/mfa/verify',
    auth: 'none',
    body: C.MfaVerifyRequestSchema,
    response: C.SignedInSchema,
  }),

  // --- Connect: signed-in account -------------------------------------------------------------
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

  // --- Push devices (this app's authenticator) -------------------------------------------------
  deviceRegister: json({
    method: 'POST',
    path: '/devices/register',
    auth: 'none',
    body: D.DeviceRegisterRequestSchema,
    response: D.DeviceRegisterResponseSchema,
  }),
  deviceStatus: json({
    method: 'GET',
    path: '/devices/:deviceId',
    auth: 'device',
    params: D.DeviceParamsSchema,
    response: D.DeviceStatusResponseSchema,
  }),
  deviceRemove: json({
    method: 'DELETE',
    path: '/devices/:deviceId',
    auth: 'device',
    params: D.DeviceParamsSchema,
    response: A.RemovedSchema,
  }),
  deviceEvents: { method: 'GET', path: '/devices/:deviceId/events', auth: 'device', kind: 'sse', params: D.DeviceParamsSchema },
  devicePushList: json({
    method: 'GET',
    path: '/devices/:deviceId/push-requests',
    auth: 'device',
    params: D.DeviceParamsSchema,
    response: D.PushListResponseSchema,
  }),
  devicePushAnswer: json({
    method: 'POST',
    path: '/devices/:deviceId/push-requests/:pushId',
    auth: 'device',
    params: D.DevicePushParamsSchema,
    body: D.PushAnswerRequestSchema,
    response: D.PushAnswerResponseSchema,
  }),

  // --- Demo mailbox (the embedded demo server only; a real server has no such route) ----------
  mailbox: json({ method: 'GET', path: '/mailbox', auth: 'mailbox', query: O.OutboxQuerySchema, response: O.OutboxResponseSchema }),
  openLink: {
    method: 'GET',
    path: '/open/:action',
    auth: 'none',
    kind: 'redirect',
    params: O.OpenLinkParamsSchema,
    query: O.OpenLinkQuerySchema,
  },

  // --- Test control ---------------------------------------------------------------------------
  testReset: json({
    method: 'POST',
    path: '/test/reset',
    auth: 'test-control',
    body: O.TestResetRequestSchema.optional(),
    response: O.TestResetResponseSchema,
  }),
  testOutbox: json({
    method: 'GET',
    path: '/test/outbox',
    auth: 'test-control',
    query: O.OutboxQuerySchema,
    response: O.OutboxResponseSchema,
  }),
  testClock: json({ method: 'GET', path: '/test/clock', auth: 'test-control', response: O.TestClockResponseSchema }),
  testClockAdvance: json({
    method: 'POST',
    path: '/test/clock/advance',
    auth: 'test-control',
    body: O.TestClockAdvanceRequestSchema,
    response: O.TestClockResponseSchema,
  }),
  testAudit: json({
    method: 'GET',
    path: '/test/audit',
    auth: 'test-control',
    query: O.TestAuditQuerySchema,
    response: O.TestAuditResponseSchema,
  }),
} as const satisfies Record<string, RouteDef>;

export type IdentityRoutes = typeof identityRoutes;
export type IdentityRouteName = keyof IdentityRoutes;
/** The `value` type of a json route's success answer. */
export type RouteValue<N extends IdentityRouteName> = IdentityRoutes[N] extends { response: infer S extends z.ZodType }
  ? z.infer<S>
  : never;
/** The body a client sends to a route (input side of the schema, before transforms). */
export type RouteBody<N extends IdentityRouteName> = IdentityRoutes[N] extends { body: infer S extends z.ZodType } ? z.input<S> : never;

/** Builds a concrete path: `pathFor('/devices/:deviceId', { deviceId })`. */
export function pathFor(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`Missing path param ${k}`);
    return encodeURIComponent(v);
  });
}
