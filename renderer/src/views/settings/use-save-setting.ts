import type { Result } from '@shared/result';
import { useErrorMessage } from '@/composables/use-error-message';
import { useToastStore } from '@/stores/toasts';

/**
 * `const save = useSaveSetting(); save(store.setX(value), () => t('…saved'))`: waits for the
 * setting to be saved in main, then says so in a toast, or says why not. The message is worded
 * after the save, so a new language already speaks in it.
 */
export function useSaveSetting(): (saving: Promise<Result<unknown>>, saved: () => string) => Promise<void> {
  const toasts = useToastStore();
  const message = useErrorMessage();
  return async (saving, saved) => {
    const res = await saving;
    if (res.ok) toasts.success(saved());
    else toasts.error(message(res.error));
  };
}
