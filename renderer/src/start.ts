import { createApp, watch } from 'vue';
import { createPinia } from 'pinia';
import type { Locale } from '@shared/contract';
import { LOCALES } from '@shared/contract/names';
import App from './App.vue';
import type { ApiClient } from './api/client';
import { provideApi } from './api/use-api';
import { createAppI18n, ensureLocaleMessages, setLocaleMessages, type MessageSchema } from './i18n';
import { applyLocale } from './i18n/apply-locale';
import { createAppRouter } from './routes';
import { installHrmDeepLinks } from './routes/deep-links';
import { afterPaint, whenIdleAfterPaint } from './composables/after-paint';
import { useAppStore } from './stores/app';
import './styles/base.css';
import './styles/controls.css';

/** What main.ts started before this code loaded: the likely language and its messages on the way. */
export interface EarlyStart {
  locale: Locale;
  messages: Promise<MessageSchema>;
}

/**
 * The app proper: Pinia, vue-i18n and the router over the one contract client main.ts made. The
 * language is known before the first paint (app info and settings, primed by main.ts, are awaited
 * first), so the UI never flashes in the wrong language.
 */
export async function startApp(api: ApiClient, early: EarlyStart): Promise<void> {
  provideApi(api);
  const pinia = createPinia();
  const i18n = createAppI18n();
  const router = createAppRouter();
  const app = createApp(App).use(pinia).use(i18n).use(router);

  const likely = early.messages.then((m) => setLocaleMessages(i18n, early.locale, m)).catch(() => undefined);
  const appStore = useAppStore(pinia);
  await appStore.init();
  await likely;
  await ensureLocaleMessages(i18n, appStore.locale);
  applyLocale(i18n, appStore.locale);
  watch(
    () => appStore.locale,
    (locale) => {
      // Loaded (the usual case, see below): switch at once, so what shows next is in the new language.
      if (i18n.global.availableLocales.includes(locale)) applyLocale(i18n, locale);
      else void ensureLocaleMessages(i18n, locale).then(() => appStore.locale === locale && applyLocale(i18n, locale));
    },
  );

  // Listening now (main's held events come to the first listener); the links main kept are taken
  // once the first view is painted: it is there first, and the link's view replaces it (issue 16).
  installHrmDeepLinks(router, api, afterPaint);
  await router.isReady();
  app.mount('#app');
  // Once the first view is painted and the page is idle: the other languages, so a switch in
  // Settings needs no fetch, and nothing the first view does not need competes with it (issue 16).
  whenIdleAfterPaint(() => {
    for (const l of LOCALES) void ensureLocaleMessages(i18n, l).catch(() => undefined);
  });
}
