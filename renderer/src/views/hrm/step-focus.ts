import { nextTick, watch, type Ref, type WatchSource } from 'vue';

const FIELD =
  'input:not([type=checkbox]):not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), select:not([disabled])';

/** The step's first text field, else its level-1 heading (given tabindex -1 for that). */
function targetIn(el: HTMLElement): HTMLElement | null {
  const field = el.querySelector<HTMLElement>(FIELD);
  if (field) return field;
  const h1 = el.querySelector<HTMLElement>('h1');
  h1?.setAttribute('tabindex', '-1');
  return h1;
}

/**
 * Keyboard and screen-reader users land on the new step: whenever `key` changes (a new step, a
 * new error), focus moves to the step's first text field, else its level-1 heading, inside
 * `root`. A step that is a lazily loaded chunk has no content for a moment: it is waited for
 * (a few frames, at most a second) rather than focusing nothing. `onMount`: also when the view
 * opens (a view reached by a route change, where `autofocus` does nothing).
 */
export function useStepFocus(root: Ref<HTMLElement | null>, key: WatchSource<unknown>, options: { onMount?: boolean } = {}): void {
  let run = 0;
  watch(
    key,
    async () => {
      const mine = ++run;
      await nextTick();
      const until = Date.now() + 1000;
      for (;;) {
        if (mine !== run) return;
        const el = root.value;
        const target = el ? targetIn(el) : null;
        if (target) {
          target.focus();
          return;
        }
        if (Date.now() > until) return;
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      }
    },
    { flush: 'post', immediate: options.onMount ?? false },
  );
}
