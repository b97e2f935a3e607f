import { useI18n } from 'vue-i18n';
import { parseAppErrorData } from '@shared/contract/errors';
import type { AppErrorData } from '@shared/contract/errors';
import { messageFor } from './message-for';

export { messageFor, type Translate } from './message-for';

/** `const message = useErrorMessage(); message(error)` for error data; anything else (a thrown bug) reads as `internal`. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => messageFor(t, isErrorData(error) ? parseAppErrorData(error) : { code: 'internal' });
}

function isErrorData(x: unknown): x is AppErrorData {
  return typeof x === 'object' && x !== null && typeof (x as { code?: unknown }).code === 'string' && !(x instanceof Error);
}
