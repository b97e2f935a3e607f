import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MailboxListResponse } from '@shared/contract';
import { useApi } from '../api/use-api';
import { useCallState } from './use-call-state';

/** The built-in demo server's outbox, per recipient ('' is everybody), kept fresh by `mailbox.changed`. */
export const useMailboxStore = defineStore('mailbox', () => {
  const api = useApi();
  const data = ref<MailboxListResponse | null>(null);
  const recipient = ref('');
  const { busy, error, run } = useCallState();
  let off: (() => void) | null = null;

  async function refresh(): Promise<void> {
    const res = await run(() => api.call('mailbox.listMessages', recipient.value ? { recipient: recipient.value } : {}));
    if (res) data.value = res;
  }

  /** Shows `to`'s messages and follows new ones until `stop()`. */
  function watch(to: string): void {
    recipient.value = to;
    off ??= api.on('mailbox.changed', () => void refresh());
    void refresh();
  }

  function stop(): void {
    off?.();
    off = null;
  }

  return { data, recipient, busy, error, refresh, watch, stop };
});
