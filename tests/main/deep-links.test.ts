import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { DeepLinkInbox, linkIn, setupDeepLinkSources } from '../../electron/main/deep-links';

vi.mock('electron', () => ({}));

const RESET = 'flexconnect://reset-password?token=abc';
const MAGIC = 'flexconnect://magic-link?token=def';

function fakeApp() {
  const app = Object.assign(new EventEmitter(), { setAsDefaultProtocolClient: vi.fn(() => true) });
  return app;
}
const proc = (argv: string[], defaultApp = false) => ({ argv, defaultApp, execPath: '/opt/flex/flex' });

describe('DeepLinkInbox', () => {
  it('keeps links until the page asks, then sends them as events', () => {
    const inbox = new DeepLinkInbox();
    const emit = vi.fn();
    inbox.attach(emit);
    expect(inbox.receive(RESET)).toBe(true);
    expect(emit).not.toHaveBeenCalled();
    expect(inbox.take()).toEqual([{ path: 'reset-password', query: { token: 'abc' } }]);
    expect(inbox.take()).toEqual([]);
    inbox.receive(MAGIC);
    expect(emit).toHaveBeenCalledWith({ path: 'magic-link', query: { token: 'def' } });
  });

  it('buffers again while the page reloads', () => {
    const inbox = new DeepLinkInbox();
    const emit = vi.fn();
    inbox.attach(emit);
    inbox.take();
    inbox.pageLoading();
    inbox.receive(RESET);
    expect(emit).not.toHaveBeenCalled();
    expect(inbox.take()).toHaveLength(1);
  });

  it('buffers when no emitter is attached yet (the core is still starting)', () => {
    const inbox = new DeepLinkInbox();
    inbox.take();
    inbox.receive(RESET);
    expect(inbox.take()).toHaveLength(1);
  });

  it('drops links outside the allowlist and keeps at most 20', () => {
    const inbox = new DeepLinkInbox();
    expect(inbox.receive('flexconnect://delete-everything')).toBe(false);
    expect(inbox.receive('https://evil.example/open/reset-password?token=x&token=y')).toBe(false);
    expect(inbox.receive(undefined)).toBe(false);
    for (let i = 0; i < 30; i++) inbox.receive(RESET);
    expect(inbox.take()).toHaveLength(20);
  });
});

describe('setupDeepLinkSources (before ready)', () => {
  it('takes the link of the first launch from argv (Windows, Linux) and keeps it for the page', () => {
    const app = fakeApp();
    const inbox = new DeepLinkInbox();
    setupDeepLinkSources(app as never, inbox, vi.fn(), proc(['/opt/flex/flex', '--no-sandbox', RESET]));
    expect(inbox.take()).toEqual([{ path: 'reset-password', query: { token: 'abc' } }]);
  });

  it('listens for open-url synchronously, so the macOS link that launched the app is not lost', () => {
    const app = fakeApp();
    const inbox = new DeepLinkInbox();
    const onLink = vi.fn();
    setupDeepLinkSources(app as never, inbox, onLink, proc(['/Applications/Flex.app/Contents/MacOS/Flex']));
    // Emitted before `ready`, before any window or core exists.
    const event = { preventDefault: vi.fn() };
    app.emit('open-url', event, MAGIC);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(onLink).toHaveBeenCalled();
    expect(inbox.take()).toEqual([{ path: 'magic-link', query: { token: 'def' } }]);
  });

  it('a second launch hands its link over and brings the window forward, with or without one', () => {
    const app = fakeApp();
    const inbox = new DeepLinkInbox();
    const onLink = vi.fn();
    setupDeepLinkSources(app as never, inbox, onLink, proc(['flex']));
    app.emit('second-instance', {}, ['flex', RESET], '/');
    app.emit('second-instance', {}, ['flex'], '/');
    expect(onLink).toHaveBeenCalledTimes(2);
    expect(inbox.take()).toHaveLength(1);
  });

  it('registers the protocol client, with the script path when run as `electron .`', () => {
    const dev = fakeApp();
    setupDeepLinkSources(dev as never, new DeepLinkInbox(), vi.fn(), proc(['/usr/bin/electron', '/src/app'], true));
    expect(dev.setAsDefaultProtocolClient).toHaveBeenCalledWith('flexconnect', '/opt/flex/flex', ['/src/app']);
    const packaged = fakeApp();
    setupDeepLinkSources(packaged as never, new DeepLinkInbox(), vi.fn(), proc(['/opt/flex/flex']));
    expect(packaged.setAsDefaultProtocolClient).toHaveBeenCalledWith('flexconnect');
  });

  it('linkIn finds only our scheme', () => {
    expect(linkIn(['a', 'https://x', RESET])).toBe(RESET);
    expect(linkIn(['a'])).toBeUndefined();
  });
});
