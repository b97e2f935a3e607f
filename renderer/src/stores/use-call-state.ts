import { ref } from 'vue';
import type { AppErrorData, Result } from '@shared/result';

/**
 * Whether something is under way: `during(work)` marks it busy until the work settles (whatever
 * the outcome) and hands its result back. The busy flag of every call a view or store makes.
 */
export function useBusy() {
  const busy = ref(false);

  async function during<T>(work: () => Promise<T>): Promise<T> {
    busy.value = true;
    try {
      return await work();
    } finally {
      busy.value = false;
    }
  }

  return { busy, during };
}

/**
 * The one way a store makes a call and keeps its state: `run` takes a call's Result (api.call
 * answers with one, never throws), marks the store busy meanwhile (useBusy), clears the last
 * error and records a new one. It answers with the value, or null for "failed; see `error`".
 */
export function useCallState() {
  const { busy, during } = useBusy();
  const error = ref<AppErrorData | null>(null);

  async function run<T>(call: () => Promise<Result<T>>): Promise<T | null> {
    error.value = null;
    const res = await during(call);
    if (res.ok) return res.value;
    error.value = res.error;
    return null;
  }

  const clearError = (): void => {
    error.value = null;
  };

  return { busy, error, run, clearError };
}
