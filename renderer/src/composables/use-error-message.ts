import { useI18n } from 'vue-i18n';
import type { AppErrorData } from '@shared/result';
import { toErrorData } from '../api/errors';
import { messageKeys } from '../i18n/message-keys';
import { sv } from '../i18n/sv';
import { errorText as hrmErrorText } from '../views/hrm/error-text';
import { prepErrorText } from '../views/hrm/preparation/prep-error-text';
import { accountName } from '../format/account-name';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Every `errors.*` key that holds a text (not a group), from the source locale. */
const ERROR_KEYS = messageKeys(sv.errors, 'errors');

export const hasErrorMessage = (code: string): boolean => ERROR_KEYS.has(`errors.${code}`);

/**
 * Turns an error code from main into the text a person can act on, in the current language.
 * Parameters the message needs are derived here (an account's display name, the readable reason
 * an otpauth link was refused). Unknown codes get the generic message, which shows the code.
 */
export function errorMessage(t: Translate, error: AppErrorData): string {
  const params: Record<string, unknown> = { ...error.params };
  if (error.code.startsWith('session.')) return hrmErrorText(t, error);
  if (error.code.startsWith('prep.')) return prepErrorText(t, error);
  if (typeof params.issuer === 'string' || typeof params.label === 'string') {
    params.name = accountName({ issuer: String(params.issuer ?? ''), label: String(params.label ?? '') });
  }
  if (error.code === 'otp.invalid-uri') {
    const reason = `errors.uriReason.${String(params.reason ?? '')}`;
    params.reason = ERROR_KEYS.has(reason) ? t(reason) : String(params.reason ?? '');
  }
  const key = `errors.${error.code}`;
  return ERROR_KEYS.has(key) ? t(key, params) : t('errors.generic', { code: error.code });
}

/** `const message = useErrorMessage(); message(e)` for an ApiError, error data or anything thrown. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => errorMessage(t, isErrorData(error) ? error : toErrorData(error));
}

function isErrorData(x: unknown): x is AppErrorData {
  return typeof x === 'object' && x !== null && typeof (x as { code?: unknown }).code === 'string' && !(x instanceof Error);
}
