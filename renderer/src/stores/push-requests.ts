import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PushRequestView } from '@shared/contract';
import type { AppErrorData } from '@shared/result';
import { ApiError } from '@/api/client';
import { useApi } from '@/api/use-api';

/** Push sign-in requests waiting in this app's authenticator (the device side of number matching). */
export const usePushRequestsStore = defineStore('push-requests', () => {
  const api = useApi();
  const requests = ref<PushRequestView[]>([]);
  const error = ref<AppErrorData | null>(null);
  let off: (() => void) | null = null;

  async function refresh(): Promise<void> {
    try {
      requests.value = (await api.call('push.pending')).requests;
    } catch (e) {
      error.value = e instanceof ApiError ? e.data : { code: 'internal' };
    }
  }

  function watchRequests(): void {
    off ??= api.on('push.request', () => void refresh());
    void refresh();
  }

  async function respond(id: string, approve: boolean, number: string): Promise<boolean> {
    error.value = null;
    try {
      await api.call('push.respond', { id, approve, number });
      requests.value = requests.value.filter((r) => r.id !== id);
      return true;
    } catch (e) {
      error.value = e instanceof ApiError ? e.data : { code: 'internal' };
      await refresh();
      return false;
    }
  }

  return { requests, error, refresh, watchRequests, respond };
});
