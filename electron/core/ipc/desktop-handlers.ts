import type { AppInfo, Diagnostics, Settings, UpdateState } from '@shared/contract';
import type { EventPayload } from '@shared/contract';
import { AppError } from '@shared/result';
import type { Handlers } from './dispatcher';

type DeepLink = EventPayload<'app.deepLinkReceived'>;

/**
 * What a composition root with a desktop shell offers the contract (electron/main): diagnostics
 * with the log folder, the updater, the deep links that arrived before the page listened, and a
 * hook for settings only the shell acts on (start at login). The browser host has none.
 */
export interface DesktopPort {
  diagnostics(): Diagnostics;
  updateState(): UpdateState;
  /** Quits and installs the downloaded update (after the caller checked nothing is open). */
  restartToUpdate(): void;
  takeDeepLinks(): DeepLink[];
  settingsChanged?(settings: Settings): void;
}

// The start state is the core's (session, settings): electron/core/ipc/handlers.ts.
type DesktopChannel = Exclude<Extract<keyof Handlers, `app.${string}`>, 'app.getStartState'>;

export interface DesktopHandlerDeps {
  info: AppInfo;
  desktop: DesktopPort | null;
  /** True while a push approval waits or a QR capture is open: the update must not restart the app then. */
  busy: () => boolean | Promise<boolean>;
}

export function createDesktopHandlers({ info, desktop, busy }: DesktopHandlerDeps): Pick<Handlers, DesktopChannel> {
  return {
    'app.getInfo': () => info,
    'app.getDiagnostics': () =>
      desktop?.diagnostics() ?? { logFolder: null, text: `${info.name} ${info.version} (${info.host}, ${info.platform})` },
    'app.getUpdateState': () => desktop?.updateState() ?? { state: 'off' },
    'app.restartToUpdate': async () => {
      if (!desktop || desktop.updateState().state !== 'ready') throw new AppError('update.not-ready');
      if (await busy()) throw new AppError('update.busy');
      desktop.restartToUpdate();
      return { done: true } as const;
    },
    'app.takeDeepLinks': () => ({ links: desktop?.takeDeepLinks() ?? [] }),
  };
}
