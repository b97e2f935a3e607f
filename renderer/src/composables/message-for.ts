// No zod here (types only): ErrorNote and the sign-in form use messageFor on the start path.
import type { AppErrorData, ClientErrorCode } from '@shared/contract/errors';
import { accountName } from '../format/account-name';
import { FIELDS, URI_REASONS, type ErrorTexts, type FieldName, type UriReason } from '../i18n/errors/texts';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The codes with a single text; a code with variants that `messageFor` does not switch on fails here. */
type SingleTextCode = { [C in ClientErrorCode]: ErrorTexts[C] extends string ? C : never }[ClientErrorCode];

const key = (code: ClientErrorCode, ...path: string[]): string => [`errorText['${code}']`, ...path].join('.');
const isOneOf = <T extends string>(list: readonly T[], x: string): x is T => (list as readonly string[]).includes(x);

/** The wording of a refused field: by the first segment of its path, `other` for a field without its own text. */
function fieldText(field: string, reason: string | undefined): FieldName {
  const name = field.split('.')[0] ?? '';
  if (name === 'imageBase64' && reason === 'too_big') return 'imageTooBig';
  return isOneOf(FIELDS, name) ? name : 'other';
}

/**
 * Every client error (shared/contract/errors.ts) as the text a person can act on, in the current
 * language (renderer/src/i18n/errors). The one renderer of errors: typed over every code, so a
 * code without its texts, or with variants not chosen here, does not compile. `extra` carries the
 * few values a screen knows and main does not (the paste shortcut, the image size limit).
 */
export function messageFor(t: Translate, error: AppErrorData, extra: Record<string, unknown> = {}): string {
  const params: Record<string, unknown> = { ...extra, ...error.params };
  switch (error.code) {
    case 'field.invalid':
      return t(key(error.code, fieldText(error.params?.field ?? '', error.params?.reason)), params);
    case 'session.locked':
      return error.params?.minutes === undefined ? t(key(error.code, 'unknown')) : t(key(error.code, 'minutes'), params);
    case 'session.too-many-attempts':
      return error.params?.minutes === undefined ? t(key(error.code, 'now')) : t(key(error.code, 'minutes'), params);
    case 'prep.code-wrong':
    case 'session.wrong-code':
    case 'session.reused-code':
      return error.params?.attemptsLeft === undefined ? t(key(error.code, 'unknown')) : t(key(error.code, 'attemptsLeft'), params);
    case 'prep.rate-limited':
      return error.params?.seconds === undefined ? t(key(error.code, 'unknown')) : t(key(error.code, 'seconds'), params);
    case 'admin.rate-limited': {
      const seconds = error.params?.seconds;
      if (seconds === undefined) return t(key(error.code, 'unknown'));
      return seconds < 120 ? t(key(error.code, 'seconds'), { seconds }) : t(key(error.code, 'minutes'), { minutes: Math.ceil(seconds / 60) });
    }
    case 'otp.invalid-uri': {
      // `duplicate-secret`, `duplicate-digits`, ...: one wording for any parameter given twice.
      const raw = (error.params?.reason ?? '').replace(/^duplicate-(?!data$).*/, 'duplicate-param');
      const reason: UriReason = isOneOf(URI_REASONS, raw) ? raw : 'other';
      return t(key(error.code, 'text'), { ...params, reason: t(key(error.code, 'reason', reason)) });
    }
    case 'vault.duplicate-account':
      return t(key(error.code), { ...params, name: accountName(error.params ?? { issuer: '', label: '' }) });
    default: {
      const code: SingleTextCode = error.code;
      const text = t(key(code), params);
      // Data that skipped the catalogue check (a code without a text) reads as a bug, never as its key.
      return text === key(code) ? t(key('internal')) : text;
    }
  }
}
