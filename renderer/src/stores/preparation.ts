import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { PrepPending, PrepView } from '@shared/contract';
import { PREP_CODE_VALID_MINUTES } from '@shared/contract/names';
import { useApi } from '@/api/use-api';
import { useCallState } from './use-call-state';

/**
 * Account preparation for Visma Connect (the Get Started with Visma Connect guide): the banner's state, the code sent, the link.
 * The server decides everything (banner visibility, attempts, expiry, send limits); this store
 * mirrors its answers, tracks the call in flight and its error. Main holds the HRM token.
 */
export const usePreparationStore = defineStore('preparation', () => {
  const api = useApi();
  const view = ref<PrepView | null>(null);
  /** False when there is no HRM session to prepare (signed out, or a Connect-only session). */
  const available = ref<boolean | null>(null);
  const { busy, error, run, clearError } = useCallState();
  /** The code that was sent last (from a send, or found pending when the view loaded). */
  const pending = ref<PrepPending | null>(null);
  /** True after a second send to the same address ("A new code has been sent"). */
  const resent = ref(false);
  /** The address linked in this visit: the "You're all set!" screen rather than the linked state. */
  const justLinked = ref<string | null>(null);

  /**
   * When (this computer's clock) the server will take another send. Its own instants are on the
   * server's clock, so only differences between two of them taken at the same moment are used.
   */
  const resendAt = ref(0);

  const bannerVisible = computed(() => available.value === true && view.value?.bannerVisible === true);

  function apply(v: PrepView): void {
    view.value = v;
    available.value = true;
    pending.value = v.pending;
    // A fresh load is a later visit: a linked user sees the linked state, not "You're all set!".
    justLinked.value = null;
  }

  async function load(): Promise<void> {
    const v = await run(() => api.call('prep.getState'));
    if (v) apply(v);
    else if (error.value?.code === 'session.not-signed-in') {
      // No HRM session is a state, not an error: the views ask the user to sign in.
      available.value = false;
      view.value = null;
      clearError();
    }
  }

  async function snooze(): Promise<boolean> {
    const v = await run(() => api.call('prep.snoozeBanner'));
    if (v) apply(v);
    return v !== null;
  }

  /** Sends a code; returns what happened so the view can move focus (code field or done screen). */
  async function sendCode(email: string): Promise<'code-sent' | 'linked' | null> {
    const again = pending.value !== null;
    const r = await run(() => api.call('prep.sendCode', { email }));
    if (!r) {
      const seconds = error.value?.code === 'prep.rate-limited' ? error.value.params?.seconds : undefined;
      if (typeof seconds === 'number') resendAt.value = Date.now() + seconds * 1000;
      return null;
    }
    if (r.status === 'linked') {
      linked(r.email);
      return 'linked';
    }
    resent.value = again && pending.value?.email === r.pending.email;
    pending.value = r.pending;
    const sentAt = r.pending.expiresAt - PREP_CODE_VALID_MINUTES * 60_000;
    resendAt.value = Date.now() + Math.max(0, r.pending.resendAvailableAt - sentAt);
    return 'code-sent';
  }

  async function verify(code: string): Promise<boolean> {
    const r = await run(() => api.call('prep.verifyCode', { code }));
    if (!r) {
      // A wrong code spends an attempt: keep the count the user sees in step with the server's.
      const left = error.value?.code === 'prep.code-wrong' ? error.value.params?.attemptsLeft : undefined;
      if (pending.value && typeof left === 'number') pending.value = { ...pending.value, attemptsLeft: left };
      return false;
    }
    linked(r.email);
    return true;
  }

  function linked(email: string): void {
    justLinked.value = email;
    pending.value = null;
    resent.value = false;
    if (view.value) view.value = { ...view.value, linked: true, linkedEmail: email, bannerVisible: false, pending: null };
  }

  return {
    view,
    available,
    busy,
    error,
    pending,
    resent,
    resendAt,
    justLinked,
    bannerVisible,
    load,
    snooze,
    sendCode,
    verify,
    clearError,
  };
});
