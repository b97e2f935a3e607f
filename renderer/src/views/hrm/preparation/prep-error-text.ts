import type { AppErrorData } from '@shared/result';
import { errorText as hrmErrorText, type Translate } from '../error-text';

/**
 * Account preparation's error codes (shared/session-errors.ts PREPARATION_ERROR_CODES) and the
 * contract's refusals of its two inputs, as translated text. Anything else (network, session
 * expired, not signed in) is a sign-in error and reads as one.
 */
export function prepErrorText(t: Translate, error: AppErrorData): string {
  const p = error.params ?? {};
  switch (error.code) {
    case 'prep.code-wrong':
      return typeof p.attemptsLeft === 'number' ? t('prep.errors.codeWrong', { attemptsLeft: p.attemptsLeft }) : t('prep.errors.codeWrongUnknown');
    case 'prep.rate-limited':
      return typeof p.seconds === 'number' ? t('prep.errors.rateLimited', { seconds: p.seconds }) : t('prep.errors.rateLimitedUnknown');
    case 'prep.code-expired':
      return t('prep.errors.codeExpired');
    case 'prep.too-many-attempts':
      return t('prep.errors.tooManyAttempts');
    case 'prep.email-taken':
      return t('prep.errors.emailTaken');
    case 'prep.already-linked':
      return t('prep.errors.alreadyLinked');
    case 'prep.no-pending-code':
      return t('prep.errors.noPendingCode');
    case 'session.invalid-email':
      return t('prep.errors.invalidEmail');
    case 'ipc.invalid-payload':
      if (p.field === 'email') return t('prep.errors.invalidEmail');
      if (p.field === 'code') return t('prep.errors.codeFormat');
      break;
  }
  return hrmErrorText(t, error);
}
