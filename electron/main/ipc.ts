import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron';
import { EVENT_IPC_CHANNEL, IPC_PREFIX } from '@shared/contract';
import type { AppCore } from '../core/app-core';
import { isAppUrl } from './security';

export const INVOKE_CHANNEL = `${IPC_PREFIX}invoke`;

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
  core.events.subscribe((event, payload) => {
    for (const w of BrowserWindow.getAllWindows()) w.webContents.send(EVENT_IPC_CHANNEL, event, payload);
  });
}
