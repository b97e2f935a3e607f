import { definedOnly } from '@shared/defined';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AppInfo, Locale, Request, Settings } from '@shared/contract';
import type { AppErrorData, Result } from '@shared/result';
import { allOk } from '@shared/all-ok';
import { DEFAULT_SETTINGS } from '@shared/contract/names';
import { useApi } from '../api/use-api';

/**
 * What the app knows about itself (name, version, which host, the OS language) and the user's
 * settings. The UI language is derived here: 'system' follows `app.info.systemLocale`.
 */
export const useAppStore = defineStore('app', () => {
  const api = useApi();
  const info = ref<AppInfo | null>(null);
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS });
  const ready = ref(false);
  const error = ref<AppErrorData | null>(null);

  const systemLocale = computed<Locale>(() => info.value?.systemLocale ?? 'en');
  const locale = computed<Locale>(() => (settings.value.language === 'system' ? systemLocale.value : settings.value.language));

  /** Start-up: info and settings in one round, before the first paint, so the language is right at once. */
  async function init(): Promise<void> {
    const res = allOk(await Promise.all([api.call('app.getInfo'), api.call('settings.getSettings')]));
    if (res.ok) [info.value, settings.value] = res.value;
    error.value = res.ok ? null : res.error;
    ready.value = true;
  }

  /**
   * Optimistic: the setting changes at once (the language switches, the switch moves) and is put
   * back if main refuses to save it.
   */
  async function saveSetting(patch: Request<'settings.updateSettings'>): Promise<Result<Settings>> {
    const before = settings.value;
    settings.value = { ...before, ...definedOnly(patch) };
    const res = await api.call('settings.updateSettings', patch);
    settings.value = res.ok ? res.value : before;
    return res;
  }

  const setLanguage = (language: Settings['language']) => saveSetting({ language });
  const setClearClipboard = (clearClipboard: boolean) => saveSetting({ clearClipboard });
  const setDesktop = (patch: Pick<Request<'settings.updateSettings'>, 'closeToTray' | 'startAtLogin'>) => saveSetting(patch);

  return { info, settings, ready, error, systemLocale, locale, init, setLanguage, setClearClipboard, setDesktop };
});
