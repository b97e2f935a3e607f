import { ref } from 'vue';
import type { AppErrorData, Result } from '@shared/result';

/**
 * The one way a store makes a call and keeps its state: `run` takes a call's Result (api.call
 * answers with one, never throws), marks the store busy meanwhile, clears the last error and
 * records a new one. It answers with the value, or null for "failed; see `error`".
 */
export function useCallState() {
  const busy = ref(false);
  const error = ref<AppErrorData | null>(null);

  async function run<T>(call: () => Promise<Result<T>>): Promise<T | null> {
    busy.value = true;
    error.value = null;
    try {
      const res = await call();
      if (res.ok) return res.value;
      error.value = res.error;
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
