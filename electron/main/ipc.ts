import { BrowserWindow, ipcMain, type WebContents, type WebFrameMain } from 'electron';
import { EVENT_IPC_CHANNEL, IPC_PREFIX } from '@shared/contract';
import type { AppCore } from '../core/app-core';
import { isAppUrl } from './security';

export const INVOKE_CHANNEL = `${IPC_PREFIX}invoke`;
/** The preload's "this page listens now": main attaches the window to the events from then on. */
export const LISTEN_CHANNEL = `${IPC_PREFIX}listen`;

/**
 * Drops messages whose sender is not the main frame of one of our windows showing our own
 * page (Electron Fiddle and VS Code check the same), then hands the call to the dispatcher,
 * which validates the payload against the contract before any handler runs.
 */
function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame) return false;
  const ours = BrowserWindow.getAllWindows().some((w) => w.webContents.mainFrame === frame);
  return ours && isAppUrl(frame.url);
}

export function setupIpc(core: AppCore): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return { ok: false, error: { code: 'ipc.forbidden-sender' } };
    return core.dispatch(channel, payload);
  });
  // One outlet per page: attached when its preload starts listening, detached when it reloads or
  // closes. Main holds the events meanwhile (EventHub), so none is lost before the page listens.
  const attached = new Map<WebContents, () => void>();
  const watched = new WeakSet<WebContents>();
  const detach = (contents: WebContents): void => {
    attached.get(contents)?.();
    attached.delete(contents);
  };
  ipcMain.on(LISTEN_CHANNEL, (event) => {
    if (!isTrustedSender(event.senderFrame)) return;
    const contents = event.sender;
    if (attached.has(contents)) return;
    const detachHub = core.events.attach((name, payload) => {
      if (!contents.isDestroyed()) contents.send(EVENT_IPC_CHANNEL, name, payload);
    });
    attached.set(contents, detachHub);
    if (watched.has(contents)) return;
    watched.add(contents);
    contents.on('destroyed', () => detach(contents));
    contents.on('did-start-loading', () => detach(contents));
  });
}
