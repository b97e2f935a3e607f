import { nextTick, watch, type Ref, type WatchSource } from 'vue';

/**
 * Keyboard and screen-reader users land on the new step: whenever `key` changes (a new step, a
 * new error), focus moves to the step's first text field, else its level-1 heading (which gets
 * tabindex -1 for that), inside `root`.
 */
export function useStepFocus(root: Ref<HTMLElement | null>, key: WatchSource<unknown>): void {
  watch(
    key,
    async () => {
      await nextTick();
      const el = root.value;
      if (!el) return;
      const field = el.querySelector<HTMLElement>('input:not([type=checkbox]):not([disabled]), textarea, select');
      const target = field ?? el.querySelector<HTMLElement>('h1');
      if (!target) return;
      if (target.tagName === 'H1') target.setAttribute('tabindex', '-1');
      target.focus();
    },
    { flush: 'post' },
  );
}
