import { EventEmitter } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '@shared/contract';
import { feedFor, UpdateController, type UpdaterLike } from '../../electron/main/updater';

/**
 * electron-updater reaches Electron with CommonJS `require("electron")` (its HTTP goes through
 * `net.request`), which `vi.mock` does not intercept: the mock is put in require's cache instead,
 * with `net.request` answered by Node's http client, as Electron's net module would.
 */
const require = createRequire(import.meta.url);
const electronPath = require.resolve('electron');
const cache = mkdtempSync(join(tmpdir(), 'flex-updater-'));
const electronMock = {
  app: {
    getVersion: () => '0.1.0',
    getName: () => 'Flex HRM Connect',
    isPackaged: true,
    getPath: () => cache,
    on: vi.fn(),
    once: vi.fn(),
    whenReady: () => Promise.resolve(),
  },
  net: { request: (options: Record<string, unknown>) => httpRequest({ ...options, session: undefined } as never) },
  session: { fromPartition: () => ({}) },
  autoUpdater: new EventEmitter(),
};
require.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: electronMock } as never;

const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };

describe('feedFor: off unless configured', () => {
  it('is off with no feed at all, and in development even with a built-in feed', () => {
    expect(feedFor({ envUrl: undefined, hasBuiltInFeed: false, isPackaged: true })).toBeNull();
    expect(feedFor({ envUrl: undefined, hasBuiltInFeed: true, isPackaged: false })).toBeNull();
  });
  it('uses the packaged app-update.yml when electron-builder wrote one', () => {
    expect(feedFor({ envUrl: undefined, hasBuiltInFeed: true, isPackaged: true })).toEqual({ url: null });
  });
  it('takes FLEX_UPDATE_FEED_URL over https, or http on loopback only', () => {
    expect(feedFor({ envUrl: 'https://updates.flexhrm.example/connect/', hasBuiltInFeed: false, isPackaged: true })).toEqual({
      url: 'https://updates.flexhrm.example/connect/',
    });
    expect(feedFor({ envUrl: 'http://127.0.0.1:8080/', hasBuiltInFeed: false, isPackaged: false })).toEqual({
      url: 'http://127.0.0.1:8080/',
    });
    expect(feedFor({ envUrl: 'http://updates.example/', hasBuiltInFeed: true, isPackaged: true })).toBeNull();
    expect(feedFor({ envUrl: 'not a url', hasBuiltInFeed: true, isPackaged: true })).toBeNull();
  });
});

class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: unknown = console;
  feed: unknown = null;
  checks = 0;
  installs: unknown[] = [];
  override on(event: string, listener: (...args: never[]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }
  setFeedURL(options: unknown): void {
    this.feed = options;
  }
  checkForUpdates(): Promise<unknown> {
    this.checks++;
    return Promise.resolve(null);
  }
  quitAndInstall(...args: unknown[]): void {
    this.installs.push(args);
  }
}

describe('UpdateController', () => {
  it('is off without a feed and never checks', async () => {
    const updater = new FakeUpdater();
    const c = new UpdateController(updater, { feed: null, log, onState: vi.fn() });
    c.start();
    await c.check();
    expect(c.state).toEqual({ state: 'off' });
    expect(updater.checks).toBe(0);
  });

  it('checks at start and on its interval, downloads in the background, installs on quit, and never restarts by itself', async () => {
    vi.useFakeTimers();
    try {
      const updater = new FakeUpdater();
      const states: UpdateState[] = [];
      const c = new UpdateController(updater, {
        feed: { url: 'https://u.example/' },
        log,
        onState: (s) => states.push(s),
        intervalMs: 1000,
      });
      expect(updater.feed).toEqual({ provider: 'generic', url: 'https://u.example/' });
      expect(updater.autoDownload).toBe(true);
      expect(updater.autoInstallOnAppQuit).toBe(true);
      c.start();
      expect(updater.checks).toBe(1);
      await vi.advanceTimersByTimeAsync(2500);
      expect(updater.checks).toBe(3);
      updater.emit('checking-for-update');
      updater.emit('update-available', { version: '0.2.0' });
      updater.emit('update-downloaded', { version: '0.2.0' });
      expect(states).toEqual([{ state: 'checking' }, { state: 'downloading', version: '0.2.0' }, { state: 'ready', version: '0.2.0' }]);
      // Ready stays ready: later checks and errors do not hide "Restart to update".
      await vi.advanceTimersByTimeAsync(5000);
      updater.emit('error', new Error('offline'));
      expect(c.state).toEqual({ state: 'ready', version: '0.2.0' });
      expect(updater.installs).toEqual([]);
      c.restart();
      expect(updater.installs).toEqual([[false, true]]);
      c.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failed check is an error state, logged as a warning', () => {
    const updater = new FakeUpdater();
    const c = new UpdateController(updater, { feed: { url: 'https://u.example/' }, log, onState: vi.fn() });
    updater.emit('error', new Error('ENOTFOUND'));
    expect(c.state).toEqual({ state: 'error' });
    expect(log.warn).toHaveBeenCalled();
  });
});

describe('electron-updater against a local generic feed (electron mocked)', () => {
  let server: Server;
  let url: string;
  let latestVersion = '9.9.9';
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      // latest.yml (Windows); the provider asks for latest-linux.yml / latest-mac.yml on those platforms.
      if (/^\/latest(-linux|-mac)?\.yml/.test(req.url ?? '')) {
        res.setHeader('content-type', 'text/yaml');
        res.end(
          [
            `version: ${latestVersion}`,
            'files:',
            `  - url: Flex-HRM-Connect-Setup-${latestVersion}.exe`,
            '    sha512: 7c1fR0lOH/8dnFZLpGVzDsMqYTR1zKfM6uGZyE0Qh3ZC2p9WQd1sO9bGxAoBQm+vTbKqmZSgBp7A2Ji4rWqKmQ==',
            '    size: 1024',
            `path: Flex-HRM-Connect-Setup-${latestVersion}.exe`,
            'sha512: 7c1fR0lOH/8dnFZLpGVzDsMqYTR1zKfM6uGZyE0Qh3ZC2p9WQd1sO9bGxAoBQm+vTbKqmZSgBp7A2Ji4rWqKmQ==',
            "releaseDate: '2026-12-01T10:00:00.000Z'",
            '',
          ].join('\n'),
        );
        return;
      }
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(cache, { recursive: true, force: true });
  });

  async function check(): Promise<UpdateState[]> {
    const { NsisUpdater } = await import('electron-updater');
    // No adapter: electron-updater takes `app` and `net` from the (mocked) electron module.
    const updater = new NsisUpdater();
    const states: UpdateState[] = [];
    const controller = new UpdateController(updater, {
      feed: feedFor({ envUrl: url, hasBuiltInFeed: false, isPackaged: true }),
      log,
      onState: (s) => states.push(s),
      autoDownload: false,
    });
    await controller.check();
    return states;
  }

  it('reads latest.yml from the feed and reports the newer version', async () => {
    latestVersion = '9.9.9';
    const states = await check();
    expect(requests.some((r) => /^\/latest(-linux|-mac)?\.yml\?/.test(r))).toBe(true);
    expect(states).toEqual([{ state: 'checking' }, { state: 'downloading', version: '9.9.9' }]);
  });

  it('says up to date when the feed has this version', async () => {
    latestVersion = '0.1.0';
    const states = await check();
    expect(states).toEqual([{ state: 'checking' }, { state: 'idle' }]);
  });
});
