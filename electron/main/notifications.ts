import { Notification, type BrowserWindow } from 'electron';
import type { AppCore } from '../core/app-core';

/**
 * A Connect sign-in waiting for approval shows an OS notification; clicking it brings the
 * window forward to the authenticator, where the number-matching prompt is. The notification
 * itself carries no number: the user must read it on the sign-in screen.
 */
export function setupPushNotifications(core: AppCore, getWindow: () => BrowserWindow | null, text: () => { title: string; body: string }): void {
  if (!Notification.isSupported()) return;
  core.events.subscribe((event) => {
    if (event !== 'push.request') return;
    const n = new Notification({ ...text(), silent: false });
    n.on('click', () => {
      const win = getWindow();
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.focus();
      void win.webContents.executeJavaScript("location.hash = '#/authenticator'", false);
    });
    n.show();
  });
}
