import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AccountOverviewView } from '@shared/contract';
import type { AppErrorData } from '@shared/result';
import { ApiError } from '@/api/client';
import { useApi } from '@/api/use-api';

/** The Connect account settings page: the signed-in Connect user's overview from /connect/me. */
export const useAccountStore = defineStore('account', () => {
  const api = useApi();
  const overview = ref<AccountOverviewView | null>(null);
  const busy = ref(false);
  const error = ref<AppErrorData | null>(null);

  async function run(fn: () => Promise<AccountOverviewView>): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      overview.value = await fn();
      return true;
    } catch (e) {
      error.value = e instanceof ApiError ? e.data : { code: 'internal' };
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    overview,
    busy,
    error,
    load: () => run(() => api.call('account.overview')),
    removeFactor: (factorId: string) => run(() => api.call('account.removeFactor', { factorId })),
    reset: () => {
      overview.value = null;
      error.value = null;
    },
  };
});
