import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { MfaMethod, Request, ServerChoice, SessionView } from '@shared/contract';
import type { AppErrorData, Result } from '@shared/result';
import { useApi } from '../api/use-api';
import { useCallState } from './use-call-state';

/**
 * The HRM / Connect sign-in as view models from main. Main owns every token and the state
 * machine; this store mirrors the latest view, tracks the call in flight and its error.
 */
export const useSessionStore = defineStore('session', () => {
  const api = useApi();
  const view = ref<SessionView | null>(null);
  const { busy, error, run, clearError } = useCallState();
  /** The address the last emailed link was for, to fill in the sign-in after a reset. */
  const prefillEmail = ref<string | null>(null);
  let unsubscribe: (() => void) | null = null;

  const state = computed(() => view.value?.state ?? { step: 'signed-out' as const });
  const signedIn = computed(() => state.value.step === 'signed-in');
  /** The 2FA set-up flow main holds for the signed-in user (resumed after a reload or restart). */
  const setup = computed(() => view.value?.setup ?? null);
  /** "Your emergency code has been used": main keeps the replacement until it is confirmed stored. */
  /** The server ended the signed-in session (expired, revoked): how the user had signed in; null otherwise. */
  const ended = computed(() => (state.value.step === 'signed-out' ? (state.value.ended ?? null) : null));
  /** The sign-in forms' notice for `ended`, shown where a failure would be. */
  const endedNotice = computed<AppErrorData | null>(() => (ended.value ? { code: 'session.ended' } : null));
  const newEmergencyCode = computed(() => (state.value.step === 'signed-in' ? (state.value.newEmergencyCode ?? null) : null));

  /**
   * The latest view, from a call's answer or a `session.changed` event: both arrive in the order
   * main produced them (one IPC pipe in Electron, one stream in the browser host), so the last wins.
   */
  function accept(v: SessionView): void {
    view.value = v;
  }

  async function apply(next: () => Promise<Result<SessionView>>): Promise<SessionView | null> {
    const v = await run(next);
    if (v) accept(v);
    return v;
  }

  async function load(): Promise<void> {
    unsubscribe ??= api.on('session.changed', accept);
    await apply(() => api.call('session.getState'));
  }

  return {
    view,
    state,
    signedIn,
    ended,
    endedNotice,
    busy,
    error,
    clearError,
    newEmergencyCode,
    setup,
    prefillEmail,
    emergencyCodeStored: () => apply(() => api.call('session.acknowledgeEmergencyCode')),
    load,
    setServer: (choice: ServerChoice) => apply(() => api.call('session.setServer', choice)),
    legacySignIn: (userId: string, password: string) => apply(() => api.call('session.signInLegacy', { userId, password })),
    discover: (email: string, saveEmail: boolean) => apply(() => api.call('session.discoverAccount', { email, saveEmail })),
    restart: () => apply(() => api.call('session.restartSignIn')),
    password: (password: string) => apply(() => api.call('session.submitPassword', { password })),
    ssoStart: () => apply(() => api.call('session.startSso')),
    ssoComplete: (approve: boolean) => apply(() => api.call('session.completeSso', { approve })),
    humanCheck: () => run(() => api.call('recovery.checkHuman')),
    forgotSend: (email: string, kind: 'reset' | 'magic', language?: 'sv' | 'en') =>
      run(() => api.call('recovery.sendLink', language ? { email, kind, language } : { email, kind })),
    /** `confirmReplace`: the user said yes to signing out the current account (session.other-account). */
    resetInfo: (token: string, confirmReplace = false) =>
      run(() => api.call('recovery.getResetInfo', confirmReplace ? { token, confirmReplace } : { token })),
    resetComplete: (token: string, password: string) => run(() => api.call('recovery.completeReset', { token, password })),
    magicComplete: (token: string, confirmReplace = false) =>
      apply(() => api.call('session.completeMagicLink', confirmReplace ? { token, confirmReplace } : { token })),
    mfaChoose: (method: MfaMethod) => apply(() => api.call('session.chooseMfa', { method })),
    async mfaVerify(code: string, rememberDevice: boolean): Promise<string | null | undefined> {
      const res = await run(() => api.call('session.verifyMfa', { code, rememberDevice }));
      if (!res) return undefined;
      accept(res.view);
      return res.newEmergencyCode;
    },
    setupLater: () => apply(() => api.call('setup.postponeSetup')),
    // The 2FA set-up flow lives in main (view.setup); every call answers with the view carrying it.
    setupBegin: (origin: 'sign-in' | 'account') => apply(() => api.call('setup.beginSetup', { origin })),
    setupGo: (step: Request<'setup.goToStep'>['step']) => apply(() => api.call('setup.goToStep', { step })),
    setupCancel: () => apply(() => api.call('setup.cancelSetup')),
    setupTotpConfirm: (code: string) => apply(() => api.call('setup.confirmTotp', { code })),
    setupPushLocal: () => apply(() => api.call('setup.registerPushDevice')),
    setupPushConsent: (approve: boolean) => apply(() => api.call('setup.answerPushConsent', { approve })),
    setupSmsSend: (phone: Request<'setup.sendSms'>['phone']) => apply(() => api.call('setup.sendSms', { phone })),
    setupSmsConfirm: (code: string) => apply(() => api.call('setup.confirmSms', { code })),
    setupFinish: () => apply(() => api.call('setup.finishSetup', { stored: true })),
    signOut: () => apply(() => api.call('session.signOut')),
  };
});
