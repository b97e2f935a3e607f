/**
 * The stable client error codes of the HRM / Connect sign-in. The session service maps the
 * server's codes onto these; the renderer maps these onto translated messages. `params.minutes`
 * carries how long a lock or a back-off lasts.
 */
export const SESSION_ERROR_CODES = [
  'session.invalid-credentials',
  'session.invalid-legacy-credentials',
  'session.locked',
  'session.not-available',
  'session.use-connect',
  'session.link-expired',
  'session.link-used',
  'session.link-invalid',
  'session.wrong-code',
  'session.reused-code',
  'session.code-expired',
  'session.too-many-attempts',
  'session.rate-limited',
  'session.human-check',
  'session.password-policy',
  'session.password-reused',
  'session.invalid-email',
  'session.invalid-phone',
  'session.invalid-url',
  'session.expired',
  'session.push-denied',
  'session.push-expired',
  'session.push-wrong-number',
  'session.sso-cancelled',
  'session.not-signed-in',
  /** A sign-in, link or SSO return for another account while signed in: params `current`, `next`. */
  'session.other-account',
  'session.network',
] as const;
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

/**
 * The client codes of account preparation (seed 003). `params.attemptsLeft` comes with a wrong
 * code, `params.seconds` with a refused resend.
 */
export const PREPARATION_ERROR_CODES = [
  'prep.code-wrong',
  'prep.code-expired',
  'prep.too-many-attempts',
  'prep.rate-limited',
  'prep.email-taken',
  'prep.already-linked',
  'prep.no-pending-code',
] as const;
export type PreparationErrorCode = (typeof PREPARATION_ERROR_CODES)[number];
