import { onScopeDispose, ref, type Ref } from 'vue';

const now = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Ticks just after each whole second, so every countdown on screen changes at the same moment. */
function tick(): void {
  now.value = Date.now();
  timer = setTimeout(tick, 1000 - (now.value % 1000) + 5);
}

/**
 * One shared clock for all countdowns (a thousand accounts cost one timer, not a thousand).
 * It runs while at least one component uses it.
 */
export function useNow(): Readonly<Ref<number>> {
  if (users++ === 0) tick();
  onScopeDispose(() => {
    if (--users === 0 && timer) {
      clearTimeout(timer);
      timer = null;
    }
  });
  return now;
}
