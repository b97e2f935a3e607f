import { Notification, type BrowserWindow } from 'electron';
import type { AppCore } from '../core/app-core';

/**
 * A Connect sign-in waiting for approval shows an OS notification; clicking it brings the
 * window forward to the authenticator, where the number-matching prompt is. The notification
 * itself carries no number: the user must read it on the sign-in screen.
 */
export function setupPushNotifications(core: AppCore, getWindow: () => BrowserWindow | null, text: () => { title: string; body: string }): void {
  if (!Notification.isSupported()) return;
  const shown = new Map<string, Notification>();
  core.events.subscribe((event, payload) => {
    // An expired request (or one answered on another device) must not leave a notification asking for it.
    if (event === 'push.resolved') {
      const id = (payload as { id: string }).id;
      shown.get(id)?.close();
      shown.delete(id);
      return;
    }
    if (event !== 'push.request') return;
    const id = (payload as { id: string }).id;
    const n = new Notification({ ...text(), silent: false });
    shown.set(id, n);
    n.on('close', () => shown.delete(id));
    n.on('click', () => {
      shown.delete(id);
      const win = getWindow();
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.focus();
      void win.webContents.executeJavaScript("location.hash = '#/authenticator'", false);
    });
    n.show();
  });
}
