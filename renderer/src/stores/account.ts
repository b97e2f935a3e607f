import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AccountOverviewView } from '@shared/contract';
import type { Result } from '@shared/result';
import { useApi } from '@/api/use-api';
import { useCallState } from './use-call-state';

/** The Connect account settings page: the signed-in Connect user's overview from /connect/me. */
export const useAccountStore = defineStore('account', () => {
  const api = useApi();
  const overview = ref<AccountOverviewView | null>(null);
  const { busy, error, run: call } = useCallState();

  /** Shows the overview the call answers with; false when it failed (see `error`). */
  async function run(fn: () => Promise<Result<AccountOverviewView>>): Promise<boolean> {
    const next = await call(fn);
    if (next) overview.value = next;
    return next !== null;
  }

  return {
    overview,
    busy,
    error,
    load: () => run(() => api.call('account.getOverview')),
    removeFactor: (factorId: string) => run(() => api.call('account.removeFactor', { factorId })),
    reset: () => {
      overview.value = null;
      error.value = null;
    },
  };
});
