import { z } from 'zod';

/**
 * Every error code the identity API returns, declared once with the schema of its params. The
 * body is always `{ ok: false, error: { code, params? } }`; clients map the code to their own
 * codes (electron/core/session/error-map.ts, typed `satisfies Record<IdentityErrorCode, ...>`) and
 * read `params` (never the HTTP status) for the few numbers shown.
 */
const none = z.object({}).strict();
/** The server writes numbers; a proxy or an older server may send digit strings. */
const num = z.union([z.number(), z.string()]);
const attempts = z.object({ attemptsLeft: num.optional() });
const retry = z.object({ retryAfterSeconds: num.optional() });
const minutesLeft = z.object({ minutesLeft: num.optional() });

export const identityErrors = {
  // Transport and validation: any route.
  'request.invalid': z.object({ field: z.string().optional(), issue: z.string().optional() }),
  'request.bad-host': none, // the Host header is not the server's own (DNS rebinding)
  'request.malformed-json': none,
  'request.too-large': none,
  'request.unsupported-media-type': none,
  'not-found': none,
  'request.rate-limited': retry, // the route's per-client throttle (routes.ts `throttle`)
  'auth.required': none, // no or malformed Authorization header
  'auth.invalid-session': none, // unknown, expired or signed-out session token
  'auth.forbidden': none, // signed in, but e.g. not an HRM admin
  'server.internal': none, // a bug; never expected

  // HRM legacy sign-in and preparation.
  'hrm.invalid-credentials': none,
  'hrm.locked': minutesLeft,
  'hrm.use-connect-sign-in': none, // company has moved to Connect (cutover)
  'hrm.never-linked': none, // after the cutover, the right user id + password of a user never linked to Connect
  'hrm.not-linked': none, // Connect account has no HRM user
  'hrm.connect-login-not-enabled': none, // linked, but the company has not switched yet
  'hrm.user-not-found': none,
  'hrm.admin-not-linked': none, // the cutover asked by an admin whose own user is not linked
  'preparation.already-linked': none,
  'preparation.email-taken': none, // the address is linked to another HRM user of the same company
  'preparation.no-pending-code': none,
  'preparation.code-wrong': attempts,
  'preparation.code-expired': none,
  'preparation.too-many-attempts': none,
  'preparation.rate-limited': retry,

  // Connect sign-in.
  'connect.invalid-credentials': none,
  'connect.locked': minutesLeft,
  'connect.use-sso': z.object({ providerName: z.string().optional() }),
  'human-check.invalid': none,
  'link.invalid': none,
  'link.expired': none,
  'link.used': none,
  'password.policy': z.object({ failed: z.string().optional(), preset: z.string().optional() }), // failed: comma-separated rule ids
  'password.reused': z.object({ historySize: num.optional() }),
  'password.wrong-current': none,
  'sso.not-sso': none,
  'sso.invalid-state': none,
  'sso.expired': none,
  'sso.denied': none,

  // 2FA at sign-in (one failure counter per ticket, across factors).
  'mfa.ticket-invalid': none,
  'mfa.ticket-expired': none,
  'mfa.factor-unavailable': none,
  'mfa.code-wrong': attempts,
  'mfa.code-already-used': attempts, // TOTP replay
  'mfa.code-expired': none,
  'mfa.too-many-attempts': none,
  'mfa.rate-limited': retry,

  // Push (sign-in approvals and device side).
  'push.no-devices': none,
  'push.not-found': none,
  'push.expired': none,
  'push.already-answered': none,
  'push.number-mismatch': attempts,
  'device.unauthorized': none,

  // 2FA enrolment.
  'enrolment.invalid': none,
  'enrolment.expired': none,
  'enrolment.not-ready': none, // consent asked before the device registered
  'enrolment.code-wrong': attempts,
  'enrolment.too-many-attempts': none,
  'enrolment.rate-limited': retry,
  'enrolment.phone-invalid': none,
  'factor.not-found': none,
} as const satisfies Record<string, z.ZodObject>;

export type IdentityErrors = typeof identityErrors;
export type IdentityErrorCode = keyof IdentityErrors;
export type IdentityErrorParams<C extends IdentityErrorCode> = z.output<IdentityErrors[C]>;
export type IdentityErrorData = { [C in IdentityErrorCode]: { code: C; params?: IdentityErrorParams<C> } }[IdentityErrorCode];

export const isIdentityErrorCode = (code: unknown): code is IdentityErrorCode =>
  typeof code === 'string' && Object.prototype.hasOwnProperty.call(identityErrors, code);

/** A server failure as received: the code is checked against the catalogue by the caller's map. */
export const WireErrorSchema = z.object({
  code: z.string().min(1).max(100),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;
