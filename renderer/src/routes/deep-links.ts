import type { Router } from 'vue-router';
import type { ApiClient } from '../api/client';

/**
 * Emailed links inside the app: `app.deepLinkReceived` events (Electron) or the http form `/open/<action>`
 * the browser host redirects to `#/link/<action>?…`. Apart from the route table, so a view that
 * opens a link (the mailbox) does not import the routes that import it.
 */
const LINK_ROUTES: Record<string, string> = {
  'reset-password': 'link-reset-password',
  'magic-link': 'link-magic-link',
};

/** Routes a deep link the OS handed to main (already allowlisted there) inside the app. */
export function routeDeepLink(router: Router, link: { path: string; query: Record<string, string> }): boolean {
  const name = LINK_ROUTES[link.path];
  if (!name) return false;
  void router.push({ name, query: link.query });
  return true;
}

/**
 * One call from start.ts: follow `app.deepLinkReceived` events for the HRM links, then take the
 * links main kept while the page was not listening yet (the link that launched the app) when
 * `later` says (the start takes them once the first view is painted), and follow main's
 * `app.navigationRequested` (a notification or the tray menu was clicked). Returns the unsubscribe.
 */
export function installHrmDeepLinks(router: Router, api: ApiClient, later: (task: () => void) => void = (task) => task()): () => void {
  const offLinks = api.on('app.deepLinkReceived', (link) => {
    routeDeepLink(router, link);
  });
  const offNavigate = api.on('app.navigationRequested', ({ to }) => {
    void router.push({ name: to });
  });
  later(() => {
    void api.call('app.takeDeepLinks').then((res) => {
      if (res.ok) for (const link of res.value.links) routeDeepLink(router, link);
    });
  });
  return () => {
    offLinks();
    offNavigate();
  };
}
