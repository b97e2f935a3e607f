import type { AppErrorData, ClientErrorCode } from '@shared/contract/errors';
import { isIdentityErrorCode, type IdentityErrorCode, type WireError } from '@shared/identity-api/errors';
import { AppError } from '@shared/result';

/**
 * The identity server's error codes mapped onto the client's stable codes
 * (shared/contract/errors.ts). Every server code has its entry, so a code added to the server's
 * catalogue does not compile until it is mapped here; the renderer only ever sees client codes.
 */
export const SERVER_TO_CLIENT = {
  'request.invalid': 'field.invalid',
  'request.bad-host': 'internal',
  'request.malformed-json': 'internal',
  'request.too-large': 'internal',
  'request.unsupported-media-type': 'internal',
  'not-found': 'internal',
  'request.rate-limited': 'session.rate-limited',
  'auth.required': 'session.not-signed-in',
  'auth.invalid-session': 'session.ended',
  'auth.forbidden': 'internal',
  'server.internal': 'internal',
  'hrm.invalid-credentials': 'session.invalid-legacy-credentials',
  'hrm.locked': 'session.locked',
  'hrm.use-connect-sign-in': 'session.use-connect',
  'hrm.never-linked': 'session.never-linked',
  'hrm.not-linked': 'session.not-available',
  'hrm.connect-login-not-enabled': 'session.not-available',
  'hrm.user-not-found': 'session.not-available',
  'hrm.admin-not-linked': 'admin.self-not-linked',
  'preparation.already-linked': 'prep.already-linked',
  'preparation.email-taken': 'prep.email-taken',
  'preparation.no-pending-code': 'prep.no-pending-code',
  'preparation.code-wrong': 'prep.code-wrong',
  'preparation.code-expired': 'prep.code-expired',
  'preparation.too-many-attempts': 'prep.too-many-attempts',
  'preparation.rate-limited': 'prep.rate-limited',
  'connect.invalid-credentials': 'session.invalid-credentials',
  'connect.locked': 'session.locked',
  // The session service reacts to it (serverCode) by discovering the SSO provider.
  'connect.use-sso': 'internal',
  // Expired (2 minutes) or already used: either way the box must be ticked again.
  'human-check.invalid': 'session.human-check-expired',
  'link.invalid': 'session.link-invalid',
  'link.expired': 'session.link-expired',
  'link.used': 'session.link-used',
  'password.policy': 'session.password-policy',
  'password.reused': 'session.password-reused',
  'password.wrong-current': 'internal',
  'sso.not-sso': 'session.expired',
  'sso.invalid-state': 'session.expired',
  'sso.expired': 'session.expired',
  'sso.denied': 'session.sso-cancelled',
  'mfa.ticket-invalid': 'session.expired',
  'mfa.ticket-expired': 'session.expired',
  'mfa.factor-unavailable': 'session.expired',
  'mfa.code-wrong': 'session.wrong-code',
  'mfa.code-already-used': 'session.reused-code',
  'mfa.code-expired': 'session.code-expired',
  'mfa.too-many-attempts': 'session.too-many-attempts',
  'mfa.rate-limited': 'session.rate-limited',
  'push.no-devices': 'internal',
  'push.not-found': 'internal',
  'push.expired': 'session.push-expired',
  'push.already-answered': 'internal',
  'push.number-mismatch': 'session.push-wrong-number',
  'device.unauthorized': 'internal',
  'enrolment.invalid': 'session.expired',
  'enrolment.expired': 'session.expired',
  'enrolment.not-ready': 'session.expired',
  'enrolment.code-wrong': 'session.wrong-code',
  'enrolment.too-many-attempts': 'session.too-many-attempts',
  'enrolment.rate-limited': 'session.rate-limited',
  'enrolment.phone-invalid': 'session.invalid-phone',
  'factor.not-found': 'internal',
} as const satisfies Record<IdentityErrorCode, ClientErrorCode>;

/** A numeric error param (the server may send it as a number or a digit string); undefined otherwise. */
export const numberParam = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;

/** `{ key: value }` when the value is there, `undefined` otherwise (params stay absent, not `{ x: undefined }`). */
const some = <K extends string>(key: K, value: number | undefined): Record<K, number> | undefined =>
  value === undefined ? undefined : ({ [key]: value } as Record<K, number>);

/** The params a client code carries, read from the server's params. */
function clientParams(code: ClientErrorCode, p: WireError['params'] = {}): AppErrorData['params'] {
  switch (code) {
    case 'field.invalid':
      // The server names the part of the request too ("body.email"); the client knows the field.
      return { field: String(p.field ?? '').replace(/^(body|query|params)\./, '') };
    case 'session.locked':
      return some('minutes', numberParam(p.minutesLeft));
    case 'session.wrong-code':
    case 'session.reused-code':
    case 'prep.code-wrong':
      return some('attemptsLeft', numberParam(p.attemptsLeft));
    case 'session.rate-limited': {
      const seconds = numberParam(p.retryAfterSeconds);
      return some('minutes', seconds === undefined ? undefined : Math.ceil(seconds / 60));
    }
    case 'prep.rate-limited':
    case 'admin.rate-limited':
      // Seconds, not minutes: the next code is usually less than a minute away.
      return some('seconds', numberParam(p.retryAfterSeconds));
    default:
      return undefined;
  }
}

/** The client's failure for one the server answered; the server's code stays in `serverCode`. */
export function toClientError(code: ClientErrorCode, error: WireError): AppError {
  const serverCode = isIdentityErrorCode(error.code) ? error.code : undefined;
  const options = serverCode === undefined ? { cause: error.code } : { serverCode };
  return new AppError(code, clientParams(code, error.params), options);
}

export function mapServerError(error: WireError): AppError {
  return toClientError(isIdentityErrorCode(error.code) ? SERVER_TO_CLIENT[error.code] : 'internal', error);
}
