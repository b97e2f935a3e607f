import { Notification } from 'electron';
import type { EventHub } from '../core/ipc/event-hub';
import type { Texts } from './texts';

/**
 * A Connect sign-in waiting for approval shows an OS notification, in the language chosen in
 * Settings (not the OS's); clicking it shows the window and sends the page to the authenticator
 * with the contract's `app.navigationRequested` event. The notification carries no number: the user must read
 * it on the sign-in screen. One that expires or is answered elsewhere is taken back.
 */
export function setupPushNotifications(events: EventHub, texts: () => Texts, showWindow: () => void): void {
  if (!Notification.isSupported()) return;
  const shown = new Map<string, Notification>();
  events.subscribe((event, payload) => {
    if (event === 'push.requestResolved') {
      const id = (payload as { id: string }).id;
      shown.get(id)?.close();
      shown.delete(id);
      return;
    }
    if (event !== 'push.requestReceived') return;
    const id = (payload as { id: string }).id;
    const t = texts();
    const n = new Notification({ title: t('notification', 'pushTitle'), body: t('notification', 'pushBody'), silent: false });
    shown.set(id, n);
    n.on('close', () => shown.delete(id));
    n.on('click', () => {
      shown.delete(id);
      showWindow();
      events.emit('app.navigationRequested', { to: 'authenticator' });
    });
    n.show();
  });
}

/** "Update ready": once per downloaded version; a click opens Settings > About with its Restart button. */
export function notifyUpdateReady(version: string, texts: () => Texts, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const t = texts();
  const n = new Notification({ title: t('notification', 'updateTitle'), body: t('notification', 'updateBody', { version }), silent: true });
  n.on('click', onClick);
  n.show();
}
