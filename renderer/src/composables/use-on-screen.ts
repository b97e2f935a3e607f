import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** One observer for every element that asks (a thousand countdowns, one IntersectionObserver). */
let observer: IntersectionObserver | null = null;
const watchers = new Map<Element, Ref<boolean>>();

function shared(): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null;
  // A margin, so a countdown is already right when it scrolls into view.
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const flag = watchers.get(e.target);
        if (flag) flag.value = e.isIntersecting;
      }
    },
    { rootMargin: '200px 0px' },
  );
  return observer;
}

/**
 * Whether the element is on (or near) the screen. True until the observer says otherwise, and
 * always true where there is no IntersectionObserver, so nothing is ever hidden by mistake.
 */
export function useOnScreen(target: Ref<Element | null>): Readonly<Ref<boolean>> {
  const visible = ref(true);
  onMounted(() => {
    const el = target.value;
    const io = shared();
    if (!el || !io) return;
    watchers.set(el, visible);
    io.observe(el);
  });
  onBeforeUnmount(() => {
    const el = target.value;
    if (!el) return;
    watchers.delete(el);
    observer?.unobserve(el);
  });
  return visible;
}
