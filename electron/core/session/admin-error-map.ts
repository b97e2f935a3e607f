import type { AdminErrorCode } from '@shared/contract';
import { AppError, type AppErrorData } from '@shared/result';
import { numberParam } from './error-map';

/**
 * The identity server's failures on the admin and account screens, as the client's own codes
 * (shared/contract/admin.ts). Anything not listed here falls back to error-map.ts (session
 * expired, network, ...), so the renderer still gets a code it can translate.
 */
const DIRECT: Record<string, AdminErrorCode> = {
  'auth.forbidden': 'admin.forbidden',
  'hrm.user-not-found': 'admin.user-not-found',
  'preparation.no-pending-code': 'admin.no-pending-code',
  'preparation.already-linked': 'admin.already-linked',
  'preparation.email-taken': 'admin.email-taken',
  'factor.not-found': 'account.factor-not-found',
};

export function mapAdminError(error: AppErrorData): AppError | undefined {
  const cause = { cause: error.code };
  const p = error.params ?? {};
  if (error.code === 'preparation.rate-limited') {
    const seconds = numberParam(p.retryAfterSeconds);
    return new AppError('admin.rate-limited', seconds === undefined ? undefined : { seconds, minutes: Math.ceil(seconds / 60) }, cause);
  }
  if (error.code === 'request.invalid') {
    const field = String(p.field ?? '');
    if (/domain/i.test(field)) return new AppError('admin.invalid-domain', undefined, cause);
    if (/ssoProviderName/i.test(field)) return new AppError('admin.sso-name-required', undefined, cause);
    if (/email/i.test(field)) return undefined; // session.invalid-email says it well
    return new AppError('admin.invalid-input', field ? { field } : undefined, cause);
  }
  const code = DIRECT[error.code];
  return code ? new AppError(code, undefined, cause) : undefined;
}
