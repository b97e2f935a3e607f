import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Diagnostics, UpdateState } from '@shared/contract';
import type { Result } from '@shared/result';
import { useApi } from '../api/use-api';

/**
 * The desktop shell as the page sees it: the updater's state (kept current by `app.updateChanged`
 * events), "Restart to update", and the diagnostics for Settings > About.
 */
export const useDesktopStore = defineStore('desktop', () => {
  const api = useApi();
  const update = ref<UpdateState>({ state: 'off' });
  const diagnostics = ref<Diagnostics | null>(null);
  let listening = false;

  async function load(): Promise<void> {
    if (!listening) {
      listening = true;
      api.on('app.updateChanged', (state) => (update.value = state));
    }
    const [u, d] = await Promise.all([api.call('app.getUpdateState'), api.call('app.getDiagnostics')]);
    if (u.ok) update.value = u.value;
    if (d.ok) diagnostics.value = d.value;
  }

  /** A fresh text (the latest errors), for the clipboard. */
  async function diagnosticsText(): Promise<Result<string>> {
    const res = await api.call('app.getDiagnostics');
    if (!res.ok) return res;
    diagnostics.value = res.value;
    return { ok: true, value: res.value.text };
  }

  const restartToUpdate = () => api.call('app.restartToUpdate');

  return { update, diagnostics, load, diagnosticsText, restartToUpdate };
});
