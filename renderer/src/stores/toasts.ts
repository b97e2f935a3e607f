import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Toast {
  id: number;
  text: string;
  /** 'error' toasts go to the assertive (role="alert") region, the rest to role="status". */
  kind: 'info' | 'success' | 'error';
}

const DEFAULT_MS = { info: 4000, success: 4000, error: 8000 } as const;

/** Short messages for the shell's live regions ("Copied", "Deleted", a failed action). */
export const useToastStore = defineStore('toasts', () => {
  const toasts = ref<Toast[]>([]);
  let nextId = 1;
  const timers = new Map<number, ReturnType<typeof setTimeout>>();

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id);
    clearTimeout(timers.get(id));
    timers.delete(id);
  }

  function show(text: string, kind: Toast['kind'] = 'info', ms: number = DEFAULT_MS[kind]): number {
    const id = nextId++;
    // The same text again (copying twice) replaces the old toast instead of stacking.
    for (const t of toasts.value.filter((x) => x.text === text)) dismiss(t.id);
    toasts.value = [...toasts.value.slice(-3), { id, text, kind }];
    timers.set(
      id,
      setTimeout(() => dismiss(id), ms),
    );
    return id;
  }

  return {
    toasts,
    show,
    success: (text: string) => show(text, 'success'),
    error: (text: string) => show(text, 'error'),
    dismiss,
  };
});
