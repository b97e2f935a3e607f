import type { Locale } from '@shared/contract';
import { createClient } from './api/client';
import { detectTransport } from './api/transport';
import { withSharedEvents } from './api/shared-events';
import { loadMessages } from './i18n/load';

/**
 * The entry: a few KB with no Vue and no zod (issue 16). It makes the window's one transport and
 * contract client and, before the app's code (start.ts, preloaded by index.html) has loaded, asks
 * for everything the first view waits on: the session state, app info and settings in one call
 * (`app.getStartState`, handed to the stores' first `session.getState`, `app.getInfo` and `settings.getSettings`),
 * and the likely language's messages. The app then starts with those answers on their way, not one
 * round behind.
 */
const api = createClient(withSharedEvents(detectTransport()));
api.primeParts('app.getStartState', {
  'session.getState': (start) => start.session,
  'app.getInfo': (start) => start.info,
  'settings.getSettings': (start) => start.settings,
});
const locale: Locale = /^sv/i.test(navigator.language) ? 'sv' : 'en';
const messages = loadMessages(locale);
messages.catch(() => undefined);

import('./start')
  .then(({ startApp }) => startApp(api, { locale, messages }))
  .catch((e: unknown) => {
    // Before Vue runs there is no i18n: say it plainly, in English, where the app would be.
    const root = document.getElementById('app');
    if (root) root.textContent = `Flex HRM could not start: ${e instanceof Error ? e.message : String(e)}`;
    console.error(e);
  });
