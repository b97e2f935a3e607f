import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PushRequestView } from '@shared/contract';
import type { AppErrorData } from '@shared/result';
import { clockOffset as offsetFrom } from '@shared/clock';
import { useApi } from '../api/use-api';

/** Why a request left the prompt without an answer from this window. */
export interface PushNotice {
  id: number;
  kind: 'expired' | 'answered';
  email: string;
}

/**
 * Push sign-in requests waiting in this app's authenticator (the device side of number matching).
 * Main follows the server's event stream and tells this store when a request arrives
 * (`push.requestReceived`) and when one leaves without an answer from here (`push.requestResolved`: expired, or
 * answered on another device), which leaves a notice saying so.
 */
export const usePushRequestsStore = defineStore('push-requests', () => {
  const api = useApi();
  const requests = ref<PushRequestView[]>([]);
  const error = ref<AppErrorData | null>(null);
  const notice = ref<PushNotice | null>(null);
  /** Main's clock minus ours: request times are on main's clock. */
  const clockOffset = ref(0);
  let offs: Array<() => void> = [];
  let noticeSeq = 0;

  async function refresh(): Promise<void> {
    const sentAt = Date.now();
    const res = await api.call('push.listPending');
    if (!res.ok) {
      error.value = res.error;
      return;
    }
    clockOffset.value = offsetFrom(res.value.generatedAt, sentAt, Date.now());
    requests.value = res.value.requests;
  }

  /** Follows main's push events from now on, and asks for the waiting requests when `later` says (at once by default). */
  function watchRequests(later: (task: () => void) => void = (task) => task()): void {
    if (offs.length === 0) {
      offs = [
        api.on('push.requestReceived', () => {
          notice.value = null;
          void refresh();
        }),
        api.on('push.requestResolved', ({ id, state }) => {
          const gone = requests.value.find((r) => r.id === id);
          requests.value = requests.value.filter((r) => r.id !== id);
          if (gone) notice.value = { id: ++noticeSeq, kind: state === 'expired' ? 'expired' : 'answered', email: gone.email };
        }),
      ];
    }
    later(() => void refresh());
  }

  async function respond(id: string, approve: boolean, number: string): Promise<boolean> {
    error.value = null;
    notice.value = null;
    const res = await api.call('push.answerRequest', { id, approve, number });
    if (res.ok) {
      requests.value = requests.value.filter((r) => r.id !== id);
      return true;
    }
    error.value = res.error;
    await refresh();
    return false;
  }

  const dismissNotice = () => (notice.value = null);
  const clearError = () => (error.value = null);

  return { requests, error, notice, clockOffset, refresh, watchRequests, respond, dismissNotice, clearError };
});
