import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AppInfo, Locale, Settings } from '@shared/contract';
import type { AppErrorData } from '@shared/result';
import { toErrorData } from '../api/errors';
import { useApi } from '../api/use-api';

/**
 * What the app knows about itself (name, version, which host, the OS language) and the user's
 * settings. The UI language is derived here: 'system' follows `app.info.systemLocale`.
 */
export const useAppStore = defineStore('app', () => {
  const api = useApi();
  const info = ref<AppInfo | null>(null);
  const settings = ref<Settings>({ language: 'system', clearClipboard: true });
  const ready = ref(false);
  const error = ref<AppErrorData | null>(null);

  const systemLocale = computed<Locale>(() => info.value?.systemLocale ?? 'en');
  const locale = computed<Locale>(() => (settings.value.language === 'system' ? systemLocale.value : settings.value.language));

  /** Start-up: info and settings in one round, before the first paint, so the language is right at once. */
  async function init(): Promise<void> {
    try {
      const [i, s] = await Promise.all([api.call('app.info'), api.call('settings.get')]);
      info.value = i;
      settings.value = s;
      error.value = null;
    } catch (e) {
      error.value = toErrorData(e);
    } finally {
      ready.value = true;
    }
  }

  /** Optimistic: the language switches at once and is put back if main refuses to save it. */
  async function setLanguage(language: Settings['language']): Promise<AppErrorData | null> {
    const before = settings.value;
    settings.value = { ...before, language };
    try {
      settings.value = await api.call('settings.update', { language });
      return null;
    } catch (e) {
      settings.value = before;
      return toErrorData(e);
    }
  }

  /** Optimistic as the language: the switch moves at once and moves back if it cannot be saved. */
  async function setClearClipboard(clearClipboard: boolean): Promise<AppErrorData | null> {
    const before = settings.value;
    settings.value = { ...before, clearClipboard };
    try {
      settings.value = await api.call('settings.update', { clearClipboard });
      return null;
    } catch (e) {
      settings.value = before;
      return toErrorData(e);
    }
  }

  return { info, settings, ready, error, systemLocale, locale, init, setLanguage, setClearClipboard };
});
