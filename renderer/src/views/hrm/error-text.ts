import type { AppErrorData } from '@shared/result';

/** Maps a stable error code from main onto its translation key and parameters. */
const KEYS: Record<string, string> = {
  'session.invalid-credentials': 'hrm.errors.invalidCredentials',
  'session.invalid-legacy-credentials': 'hrm.errors.invalidLegacyCredentials',
  'session.not-available': 'hrm.errors.notAvailable',
  'session.use-connect': 'hrm.errors.useConnect',
  'session.link-expired': 'hrm.errors.linkExpired',
  'session.link-used': 'hrm.errors.linkUsed',
  'session.link-invalid': 'hrm.errors.linkInvalid',
  'session.wrong-code': 'hrm.errors.wrongCode',
  'session.reused-code': 'hrm.errors.reusedCode',
  'session.code-expired': 'hrm.errors.codeExpired',
  'session.rate-limited': 'hrm.errors.rateLimited',
  'session.human-check': 'hrm.errors.humanCheck',
  'session.password-policy': 'hrm.errors.passwordPolicy',
  'session.password-reused': 'hrm.errors.passwordReused',
  'session.invalid-email': 'hrm.errors.invalidEmail',
  'session.invalid-phone': 'hrm.errors.invalidPhone',
  'session.invalid-url': 'hrm.errors.invalidUrl',
  'session.expired': 'hrm.errors.sessionExpired',
  'session.push-denied': 'hrm.errors.pushDenied',
  'session.push-expired': 'hrm.errors.pushExpired',
  'session.sso-cancelled': 'hrm.errors.ssoCancelled',
  'session.not-signed-in': 'hrm.errors.notSignedIn',
  'session.network': 'hrm.errors.network',
};

export type Translate = (key: string, params?: Record<string, unknown>) => string;
/** How an area words an error (ErrorNote's `message`): its own codes, then errorText's for the rest. */
export type ErrorTextFn = (t: Translate, error: AppErrorData) => string;

export function errorText(t: Translate, error: AppErrorData): string {
  const minutes = error.params?.minutes;
  if (error.code === 'session.locked') {
    return typeof minutes === 'number' ? t('hrm.errors.locked', { minutes }) : t('hrm.errors.lockedUnknown');
  }
  if (error.code === 'session.too-many-attempts') {
    return typeof minutes === 'number' ? t('hrm.errors.tooManyAttempts', { minutes }) : t('hrm.errors.tooManyAttemptsNow');
  }
  if (error.code === 'session.other-account') {
    return t('otherAccount.error', { current: String(error.params?.current ?? ''), next: String(error.params?.next ?? '') });
  }
  if (error.code === 'ipc.invalid-payload') {
    const field = String(error.params?.field ?? '');
    if (field === 'email') return t('hrm.errors.invalidEmail');
    if (field === 'phone') return t('hrm.errors.invalidPhone');
  }
  const key = KEYS[error.code];
  return key ? t(key) : t('hrm.errors.generic');
}
