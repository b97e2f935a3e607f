import type { AppErrorData } from '@shared/result';
import { errorText, type Translate } from '../error-text';

/** The admin and account screens' codes (shared/contract/admin.ts) onto their messages. */
const KEYS: Record<string, string> = {
  'admin.forbidden': 'admin.errors.forbidden',
  'admin.user-not-found': 'admin.errors.userNotFound',
  'admin.no-pending-code': 'admin.errors.noPendingCode',
  'admin.already-linked': 'admin.errors.alreadyLinked',
  'admin.email-taken': 'admin.errors.emailTaken',
  'admin.invalid-domain': 'admin.errors.invalidDomain',
  'admin.sso-name-required': 'admin.errors.ssoNameRequired',
  'admin.invalid-input': 'admin.errors.invalidInput',
  'account.factor-not-found': 'admin.errors.factorNotFound',
};

/** Falls back to the sign-in messages (session expired, network, ...) for every other code. */
export function adminErrorText(t: Translate, error: AppErrorData): string {
  const p = error.params ?? {};
  if (error.code === 'admin.rate-limited') {
    const seconds = typeof p.seconds === 'number' ? p.seconds : null;
    if (seconds === null) return t('hrm.errors.rateLimited');
    return seconds < 120 ? t('admin.errors.rateLimitedSeconds', { seconds }) : t('admin.errors.rateLimitedMinutes', { minutes: Math.ceil(seconds / 60) });
  }
  if (error.code === 'ipc.invalid-payload') {
    // The contract refused a field before main's service saw it.
    const field = String(p.field ?? '');
    if (field.startsWith('emailDomains')) return t('admin.errors.invalidDomain');
    if (field.startsWith('ssoProviderName')) return t('admin.errors.ssoNameRequired');
  }
  const key = KEYS[error.code];
  return key ? t(key) : errorText(t, error);
}
