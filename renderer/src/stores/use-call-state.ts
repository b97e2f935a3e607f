import { ref } from 'vue';
import type { AppErrorData } from '@shared/result';
import { toErrorData } from '../api/errors';

/**
 * The call-in-flight and last-error state the HRM stores share. `run` makes one call: it marks
 * the store busy, clears the last error, records a new one as contract error data and never
 * throws to the component (null stands for "failed; see `error`").
 */
export function useCallState() {
  const busy = ref(false);
  const error = ref<AppErrorData | null>(null);

  async function run<T>(fn: () => Promise<T>): Promise<T | null> {
    busy.value = true;
    error.value = null;
    try {
      return await fn();
    } catch (e) {
      error.value = toErrorData(e);
      return null;
    } finally {
      busy.value = false;
    }
  }

  const clearError = (): void => {
    error.value = null;
  };

  return { busy, error, run, clearError };
}
