/**
 * Every error code the identity API returns, in one place. The body is always
 * `{ ok: false, error: { code, params? } }` (shared/result.ts `AppErrorData`); clients map the code
 * to a translated message and read `params` (never the HTTP status) for the few numbers shown.
 */
export const IDENTITY_ERROR_CODES = [
  // Transport and validation: any route.
  'request.invalid', // params: field, issue
  'request.malformed-json',
  'request.too-large',
  'request.unsupported-media-type',
  'not-found',
  'auth.required', // no or malformed Authorization header
  'auth.invalid-session', // unknown, expired or signed-out session token
  'auth.forbidden', // signed in, but e.g. not an HRM admin
  'server.internal', // a bug; never expected

  // HRM legacy sign-in and preparation.
  'hrm.invalid-credentials',
  'hrm.locked', // params: minutesLeft
  'hrm.use-connect-sign-in', // company has moved to Connect (cutover)
  'hrm.not-linked', // Connect account has no HRM user
  'hrm.connect-login-not-enabled', // linked, but the company has not switched yet
  'hrm.user-not-found',
  'preparation.already-linked',
  'preparation.email-taken', // the address is linked to another HRM user of the same company
  'preparation.no-pending-code',
  'preparation.code-wrong', // params: attemptsLeft
  'preparation.code-expired',
  'preparation.too-many-attempts',
  'preparation.rate-limited', // params: retryAfterSeconds

  // Connect sign-in.
  'connect.invalid-credentials',
  'connect.locked', // params: minutesLeft
  'connect.use-sso', // params: providerName
  'human-check.invalid',
  'link.invalid',
  'link.expired',
  'link.used',
  'password.policy', // params: failed (comma-separated rule ids), preset
  'password.reused', // params: historySize
  'password.wrong-current',
  'sso.not-sso',
  'sso.invalid-state',
  'sso.expired',
  'sso.denied',

  // 2FA at sign-in (one failure counter per ticket, across factors).
  'mfa.ticket-invalid',
  'mfa.ticket-expired',
  'mfa.factor-unavailable',
  'mfa.code-wrong', // params: attemptsLeft
  'mfa.code-already-used', // params: attemptsLeft (TOTP replay)
  'mfa.code-expired',
  'mfa.too-many-attempts',
  'mfa.rate-limited', // params: retryAfterSeconds

  // Push (sign-in approvals and device side).
  'push.no-devices',
  'push.not-found',
  'push.expired',
  'push.already-answered',
  'push.number-mismatch',
  'device.unauthorized',

  // 2FA enrolment.
  'enrolment.invalid',
  'enrolment.expired',
  'enrolment.not-ready', // consent asked before the device registered
  'enrolment.code-wrong', // params: attemptsLeft
  'enrolment.too-many-attempts',
  'enrolment.rate-limited', // params: retryAfterSeconds
  'enrolment.phone-invalid',
  'factor.not-found',
] as const;

export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];
