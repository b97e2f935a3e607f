import { shallowRef, type ShallowRef } from 'vue';
import type { ServiceIcon } from './service-icons';

type Lookup = (issuer: string) => ServiceIcon | null;
const lookup: ShallowRef<Lookup | null> = shallowRef(null);
let loading: Promise<void> | null = null;

/**
 * The service-icon lookup, loaded once in a chunk of its own after the cards first render:
 * letter avatars until then, logos after (the first screen of cards never waits for the icons).
 */
export function useServiceIcons(): Readonly<ShallowRef<Lookup | null>> {
  // When the main thread is idle (the incremental list's batches come first), at most 2 s later.
  loading ??= new Promise<void>((resolve) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 0),
  )
    .then(() => import('./service-icons'))
    .then((m) => {
      lookup.value = m.serviceIcon;
    })
    .catch(() => {
      // No icons: letter avatars stay, which is what unknown services show anyway.
    });
  return lookup;
}
