import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LockView } from '@shared/contract';
import type { Result } from '@shared/result';
import { useApi } from '../api/use-api';

/** Tell main about the user's activity at most this often (its idle rule counts minutes). */
const ACTIVITY_EVERY_MS = 15_000;

/**
 * The app lock as main reports it (`lock.getState`, `lock.changed`). Main decides: while it says
 * locked it produces no code, whatever this window does. This store also reports the user's
 * activity (keys, pointer) so main's idle timer starts again.
 */
export const useLockStore = defineStore('lock', () => {
  const api = useApi();
  const view = ref<LockView | null>(null);
  const locked = computed(() => view.value?.locked === true);
  const hideCodes = computed(() => view.value?.hideCodes === true);
  let started = false;
  let lastReport = 0;

  function onActivity(): void {
    const now = Date.now();
    if (locked.value || now - lastReport < ACTIVITY_EVERY_MS) return;
    lastReport = now;
    void api.call('lock.reportActivity');
  }

  async function start(): Promise<void> {
    if (started) return;
    started = true;
    api.on('lock.changed', (v) => (view.value = v));
    for (const type of ['keydown', 'pointerdown', 'wheel'] as const)
      window.addEventListener(type, onActivity, { passive: true, capture: true });
    const res = await api.call('lock.getState');
    if (res.ok) view.value = res.value;
  }

  async function apply(call: Promise<Result<LockView>>): Promise<Result<LockView>> {
    const res = await call;
    if (res.ok) view.value = res.value;
    return res;
  }

  return {
    view,
    locked,
    hideCodes,
    start,
    unlock: (password: string) => apply(api.call('lock.unlockWithPassword', { password })),
    unlockWithTouchId: () => apply(api.call('lock.unlockWithTouchId')),
    lockNow: () => apply(api.call('lock.lockApp')),
    setPassword: (password: string, current?: string) =>
      apply(api.call('lock.setPassword', current === undefined ? { password } : { password, current })),
    disable: (password: string) => apply(api.call('lock.disableLock', { password })),
    options: (patch: { autoLockMinutes?: number; hideCodes?: boolean; touchId?: boolean }) => apply(api.call('lock.setOptions', patch)),
  };
});
