import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../electron/core/ipc/event-hub';
import { notifyUpdateReady, setupPushNotifications } from '../../electron/main/notifications';
import { textsFor } from '../../electron/main/texts';

const state = vi.hoisted(() => ({
  supported: true,
  shown: [] as { options: { title: string; body: string }; closed: boolean; n: EventEmitter }[],
}));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class Notification extends Emitter {
    static isSupported = () => state.supported;
    entry: (typeof state.shown)[number];
    constructor(options: { title: string; body: string }) {
      super();
      this.entry = { options, closed: false, n: this };
    }
    show() {
      state.shown.push(this.entry);
    }
    close() {
      this.entry.closed = true;
    }
  }
  return { Notification };
});

describe('push notifications', () => {
  beforeEach(() => {
    state.shown.length = 0;
    state.supported = true;
  });

  it('speak the language chosen in the app, read when each one is shown', () => {
    const events = new EventHub();
    let locale: 'sv' | 'en' = 'sv';
    setupPushNotifications(events, () => textsFor(locale), vi.fn());
    events.emit('push.requestReceived', { id: 'a' });
    locale = 'en';
    events.emit('push.requestReceived', { id: 'b' });
    expect(state.shown.map((s) => s.options.title)).toEqual(['Godkänn inloggning', 'Approve sign-in']);
    // The number to match is never in the notification.
    expect(state.shown[0]!.options.body).not.toMatch(/\d/);
  });

  it('a click shows the window and navigates the page through the contract event (no executeJavaScript)', () => {
    const events = new EventHub();
    const seen: unknown[] = [];
    events.subscribe((e, p) => seen.push([e, p]));
    const show = vi.fn();
    setupPushNotifications(events, () => textsFor('en'), show);
    events.emit('push.requestReceived', { id: 'a' });
    state.shown[0]!.n.emit('click');
    expect(show).toHaveBeenCalled();
    expect(seen).toContainEqual(['app.navigationRequested', { to: 'authenticator' }]);
  });

  it('is taken back when the request expires or is answered elsewhere', () => {
    const events = new EventHub();
    setupPushNotifications(events, () => textsFor('en'), vi.fn());
    events.emit('push.requestReceived', { id: 'a' });
    events.emit('push.requestResolved', { id: 'a', state: 'expired' });
    expect(state.shown[0]!.closed).toBe(true);
  });

  it('does nothing where the OS has no notifications', () => {
    state.supported = false;
    const events = new EventHub();
    setupPushNotifications(events, () => textsFor('en'), vi.fn());
    events.emit('push.requestReceived', { id: 'a' });
    expect(state.shown).toHaveLength(0);
  });

  it('update ready: in the app language, with the version; a click opens Settings', () => {
    const onClick = vi.fn();
    notifyUpdateReady('0.2.0', () => textsFor('sv'), onClick);
    expect(state.shown[0]!.options).toMatchObject({ title: 'Uppdatering klar', body: expect.stringContaining('0.2.0') as unknown });
    state.shown[0]!.n.emit('click');
    expect(onClick).toHaveBeenCalled();
  });
});
