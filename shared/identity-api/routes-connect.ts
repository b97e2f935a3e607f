import * as C from './connect';
import { PasswordPolicySchema } from './common';
import { json, type RouteDef } from './route-def';

/** Connect before a session exists: discovery, password and SSO sign-in, the simulated IdP. */
export const connectSignInRoutes = {
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
} as const satisfies Record<string, RouteDef>;

/** Connect recovery: the human check, forgotten password, reset and one-time links. */
export const connectRecoveryRoutes = {
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
} as const satisfies Record<string, RouteDef>;

/** The second step of a Connect sign-in, on the mfa ticket the first step gave. */
export const connectMfaRoutes = {
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
} as const satisfies Record<string, RouteDef>;
