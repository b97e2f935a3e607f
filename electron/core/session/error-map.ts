import type { AppErrorData } from '@shared/result';
import { AppError } from '@shared/result';
import type { PreparationErrorCode, SessionErrorCode } from '@shared/session-errors';

/**
 * The identity server's error codes mapped onto the client's stable codes (shared/session-errors).
 * The renderer only ever sees the client codes, so a server that renames a code breaks here,
 * in one table, and not in every screen.
 */
const DIRECT: Record<string, SessionErrorCode | PreparationErrorCode> = {
  'hrm.invalid-credentials': 'session.invalid-legacy-credentials',
  'hrm.use-connect-sign-in': 'session.use-connect',
  'hrm.not-linked': 'session.not-available',
  'hrm.connect-login-not-enabled': 'session.not-available',
  'hrm.user-not-found': 'session.not-available',
  'connect.invalid-credentials': 'session.invalid-credentials',
  'human-check.invalid': 'session.human-check',
  'link.invalid': 'session.link-invalid',
  'link.expired': 'session.link-expired',
  'link.used': 'session.link-used',
  'password.policy': 'session.password-policy',
  'password.reused': 'session.password-reused',
  'sso.denied': 'session.sso-cancelled',
  'sso.invalid-state': 'session.expired',
  'sso.expired': 'session.expired',
  'sso.not-sso': 'session.expired',
  'mfa.ticket-invalid': 'session.expired',
  'mfa.ticket-expired': 'session.expired',
  'mfa.factor-unavailable': 'session.expired',
  'mfa.code-wrong': 'session.wrong-code',
  'mfa.code-already-used': 'session.reused-code',
  'mfa.code-expired': 'session.code-expired',
  'mfa.too-many-attempts': 'session.too-many-attempts',
  'mfa.rate-limited': 'session.rate-limited',
  'push.expired': 'session.push-expired',
  'push.number-mismatch': 'session.push-wrong-number',
  'enrolment.invalid': 'session.expired',
  'enrolment.expired': 'session.expired',
  'enrolment.not-ready': 'session.expired',
  'enrolment.code-wrong': 'session.wrong-code',
  'enrolment.too-many-attempts': 'session.too-many-attempts',
  'enrolment.rate-limited': 'session.rate-limited',
  'enrolment.phone-invalid': 'session.invalid-phone',
  'preparation.code-expired': 'prep.code-expired',
  'preparation.too-many-attempts': 'prep.too-many-attempts',
  'preparation.email-taken': 'prep.email-taken',
  'preparation.already-linked': 'prep.already-linked',
  'preparation.no-pending-code': 'prep.no-pending-code',
  'auth.required': 'session.not-signed-in',
  'auth.invalid-session': 'session.expired',
};

/** A numeric error param (the server may send it as a number or a digit string); undefined otherwise. */
export const numberParam = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;

export function mapServerError(error: AppErrorData): AppError {
  const cause = { cause: error.code };
  const p = error.params ?? {};
  const num = numberParam;
  switch (error.code) {
    case 'hrm.locked':
    case 'connect.locked': {
      const minutes = num(p.minutesLeft);
      return new AppError('session.locked', minutes === undefined ? undefined : { minutes }, cause);
    }
    case 'request.invalid': {
      const field = String(p.field ?? '');
      if (/email/i.test(field)) return new AppError('session.invalid-email', undefined, cause);
      if (/phone/i.test(field)) return new AppError('session.invalid-phone', undefined, cause);
      if (/code/i.test(field)) return new AppError('session.wrong-code', undefined, cause);
      if (/token/i.test(field)) return new AppError('session.link-invalid', undefined, cause);
      return new AppError('internal', undefined, cause);
    }
    case 'mfa.code-wrong':
    case 'enrolment.code-wrong':
    case 'mfa.code-already-used': {
      const attemptsLeft = num(p.attemptsLeft);
      const code = DIRECT[error.code] ?? 'session.wrong-code';
      return new AppError(code, attemptsLeft === undefined ? undefined : { attemptsLeft }, cause);
    }
    case 'preparation.code-wrong': {
      const attemptsLeft = num(p.attemptsLeft);
      return new AppError('prep.code-wrong', attemptsLeft === undefined ? undefined : { attemptsLeft }, cause);
    }
    case 'preparation.rate-limited': {
      // Seconds, not minutes: the next code is usually less than a minute away.
      const seconds = num(p.retryAfterSeconds);
      return new AppError('prep.rate-limited', seconds === undefined ? undefined : { seconds }, cause);
    }
    case 'mfa.rate-limited':
    case 'enrolment.rate-limited': {
      const seconds = num(p.retryAfterSeconds);
      return new AppError('session.rate-limited', seconds === undefined ? undefined : { minutes: Math.ceil(seconds / 60) }, cause);
    }
    default: {
      const mapped = DIRECT[error.code];
      return new AppError(mapped ?? 'internal', undefined, cause);
    }
  }
}
