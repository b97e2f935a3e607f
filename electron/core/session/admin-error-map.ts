import type { ClientErrorCode } from '@shared/contract/errors';
import type { IdentityErrorCode, WireError } from '@shared/identity-api/errors';
import type { AppError } from '@shared/result';
import { toClientError } from './error-map';

/**
 * The identity server's failures that read differently on the admin and account screens. Every
 * other code (session expired, network, a refused field, ...) goes through error-map.ts's table.
 */
const ADMIN_CODES = {
  'auth.forbidden': 'admin.forbidden',
  'hrm.user-not-found': 'admin.user-not-found',
  'hrm.admin-not-linked': 'admin.self-not-linked',
  'preparation.no-pending-code': 'admin.no-pending-code',
  'preparation.already-linked': 'admin.already-linked',
  'preparation.email-taken': 'admin.email-taken',
  'preparation.rate-limited': 'admin.rate-limited',
  'factor.not-found': 'account.factor-not-found',
} as const satisfies Partial<Record<IdentityErrorCode, ClientErrorCode>>;

const isAdminCode = (code: string): code is keyof typeof ADMIN_CODES => Object.prototype.hasOwnProperty.call(ADMIN_CODES, code);

export function mapAdminError(error: WireError): AppError | undefined {
  return isAdminCode(error.code) ? toClientError(ADMIN_CODES[error.code], error) : undefined;
}
