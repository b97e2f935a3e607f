import { createApp, watch } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createClient } from './api/client';
import { detectTransport } from './api/transport';
import { provideApi } from './api/use-api';
import { withSharedEvents } from './api/shared-events';
import { LOCALES } from '@shared/contract/names';
import { createAppI18n, ensureLocaleMessages } from './i18n';
import { applyLocale } from './i18n/apply-locale';
import { createAppRouter } from './routes';
import { installHrmDeepLinks } from './routes/deep-links';
import { useAppStore } from './stores/app';
import './styles/base.css';
import './styles/controls.css';

/**
 * Composition root of the renderer: one transport and one contract client per window, then
 * Pinia, vue-i18n and the router. The language is known before the first paint (app info and
 * settings are loaded first), so the UI never flashes in the wrong language.
 */
async function bootstrap(): Promise<void> {
  const api = createClient(withSharedEvents(detectTransport()));
  provideApi(api);

  const pinia = createPinia();
  const i18n = createAppI18n();
  const router = createAppRouter();
  const app = createApp(App).use(pinia).use(i18n).use(router);

  // Started now, not after the settings: the first view's state and the likely language's
  // messages load while the app info and settings do.
  api.prime('session.get');
  const likely = ensureLocaleMessages(i18n, /^sv/i.test(navigator.language) ? 'sv' : 'en').catch(() => undefined);
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

  installHrmDeepLinks(router, api);
  await router.isReady();
  app.mount('#app');
  // Once the first view is painted and the page is idle: the other languages, so a switch in
  // Settings needs no fetch, and nothing the first view does not need competes with it (issue 16).
  afterFirstPaint(() => {
    for (const l of LOCALES) void ensureLocaleMessages(i18n, l).catch(() => undefined);
  });
}

function afterFirstPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(() => requestIdleCallback(task, { timeout: 2000 }), 0));
}

bootstrap().catch((e: unknown) => {
  // Before Vue runs there is no i18n: say it plainly, in English, where the app would be.
  const root = document.getElementById('app');
  if (root) root.textContent = `Flex HRM could not start: ${e instanceof Error ? e.message : String(e)}`;
  console.error(e);
});
