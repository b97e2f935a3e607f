import { useI18n } from 'vue-i18n';
import { checkErrorData } from '../api/error-check';
import { messageFor } from './message-for';

export { messageFor, type Translate } from './message-for';

/** `const message = useErrorMessage(); message(error)` for error data; anything else (a thrown bug) reads as `internal`. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  // No zod here: App.vue uses this on the start path (see api/error-check.ts).
  return (error) => messageFor(t, checkErrorData(error));
}
