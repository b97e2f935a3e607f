import type { App } from 'electron';
import { parseDeepLink, DEEP_LINK_SCHEME } from '@shared/deep-links';
import type { EventPayload } from '@shared/contract';

export type DeepLink = EventPayload<'app.deepLinkReceived'>;

/** More than this many links before the page listens are not kept (a flood is not a user). */
const MAX_BUFFERED = 20;

/**
 * Deep links are never lost at a cold start (VS Code's `resolveInitialProtocolUrls`): a link that
 * arrives before the page has asked for them (argv at first launch, `open-url` before `ready`, or
 * while the page reloads) waits here until the page calls `app.takeDeepLinks`; after that, links
 * go straight out as `app.deepLinkReceived` events. A page (re)load puts the inbox back to buffering.
 */
export class DeepLinkInbox {
  private buffered: DeepLink[] = [];
  private listening = false;
  private emit: ((link: DeepLink) => void) | null = null;

  /** Where links go once the page listens (core.events.emit('app.deepLinkReceived', …)). */
  attach(emit: (link: DeepLink) => void): void {
    this.emit = emit;
  }

  /** Takes a raw URL from the OS; anything the allowlist refuses is dropped. Answers whether it was kept. */
  receive(raw: string | undefined): boolean {
    const link = raw ? parseDeepLink(raw) : null;
    if (!link) return false;
    if (this.listening && this.emit) this.emit(link);
    else if (this.buffered.length < MAX_BUFFERED) this.buffered.push(link);
    return true;
  }

  /** The page asks: it gets what waited, and from now on the events. */
  take(): DeepLink[] {
    this.listening = true;
    const out = this.buffered;
    this.buffered = [];
    return out;
  }

  /** The page is (re)loading: buffer until it asks again. */
  pageLoading(): void {
    this.listening = false;
  }
}

export const linkIn = (argv: readonly string[]): string | undefined => argv.find((a) => a.startsWith(`${DEEP_LINK_SCHEME}://`));

/**
 * Must run synchronously at start, before `ready`: macOS delivers the link that launched the app as
 * `open-url` early, and a listener added later never hears it. Windows and Linux hand it over in
 * argv (first launch) or to `second-instance` (a later one). `onLink` brings the window forward.
 */
export function setupDeepLinkSources(
  app: Pick<App, 'on' | 'setAsDefaultProtocolClient'>,
  inbox: DeepLinkInbox,
  onLink: () => void,
  proc: Pick<NodeJS.Process, 'argv' | 'defaultApp' | 'execPath'> = process,
): void {
  if (proc.defaultApp && proc.argv[1]) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, proc.execPath, [proc.argv[1]]);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  const handle = (raw: string | undefined) => {
    if (inbox.receive(raw)) onLink();
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handle(url);
  });
  app.on('second-instance', (_event, argv) => {
    inbox.receive(linkIn(argv));
    // With or without a link, a second launch brings the running app forward.
    onLink();
  });
  inbox.receive(linkIn(proc.argv));
}
