import type { EventEmitter as Emitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../electron/core/ipc/event-hub';

/**
 * The shell's start with electron, the core and the mock replaced: what the user sees when the
 * start fails (a dialog, then Retry or Quit, never a process without a window), and what a good
 * start sets up (window, tray, close to tray, start hidden at login).
 */
const s = vi.hoisted(() => ({
  userData: '',
  responses: [] as number[],
  dialogs: [] as { detail?: string; buttons?: string[] }[],
  exit: vi.fn(),
  quit: vi.fn(),
  appEvents: null as unknown as Emitter,
  windows: [] as (Emitter & { shown: boolean; hidden: boolean; options: Record<string, unknown>; webContents: Emitter })[],
  trays: 0,
  coreFailures: [] as Error[],
  settings: { language: 'system', clearClipboard: true, closeToTray: true, startAtLogin: false },
  argv: [] as string[],
}));

vi.mock('electron', async () => {
  const { EventEmitter: E } = await import('node:events');
  s.appEvents = new E();
  const app = Object.assign(s.appEvents, {
    isPackaged: true,
    getPath: () => s.userData,
    getVersion: () => '0.1.0',
    getLocale: () => 'sv-SE',
    getPreferredSystemLanguages: () => ['sv-SE'],
    getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
    setLoginItemSettings: vi.fn(),
    setAsDefaultProtocolClient: vi.fn(),
    exit: s.exit,
    quit: s.quit,
    whenReady: () => Promise.resolve(),
  });
  class BrowserWindow extends E {
    shown = false;
    hidden = false;
    webContents = Object.assign(new E(), { reload: vi.fn() });
    constructor(public options: Record<string, unknown>) {
      super();
      s.windows.push(this);
      queueMicrotask(() => {
        this.emit('ready-to-show');
        this.webContents.emit('did-finish-load');
      });
    }
    loadURL() {
      return Promise.resolve();
    }
    show() {
      this.shown = true;
      this.hidden = false;
    }
    hide() {
      this.hidden = true;
    }
    focus() {}
    maximize() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    restore() {}
    getNormalBounds() {
      return { x: 0, y: 0, width: 1000, height: 700 };
    }
    static getAllWindows() {
      return s.windows;
    }
  }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  return {
    app,
    BrowserWindow,
    dialog: {
      showMessageBox: vi.fn((opts: { detail?: string; buttons?: string[] }) => {
        s.dialogs.push(opts);
        return Promise.resolve({ response: s.responses.shift() ?? 3 });
      }),
    },
    clipboard: { writeText: vi.fn() },
    shell: { openPath: vi.fn(() => Promise.resolve('')) },
    screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display, getDisplayMatching: () => display },
    Tray: class {
      constructor() {
        s.trays++;
      }
      setToolTip() {}
      setContextMenu() {}
      on() {}
      destroy() {}
    },
    Menu: { buildFromTemplate: (t: unknown) => ({ t, popup: vi.fn() }), setApplicationMenu: vi.fn() },
    // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a stand-in constructor for the mocked module: the code under test only calls `new` on it.
    Notification: Object.assign(class {}, { isSupported: () => false }),
    ipcMain: { handle: vi.fn(), on: vi.fn() },
    protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
    net: { fetch: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    desktopCapturer: {},
    systemPreferences: {},
    powerMonitor: { on: vi.fn() },
    // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a stand-in constructor for the mocked module: the code under test only calls `new` on it.
    ClipboardItem: class {},
  };
});

vi.mock('../../electron/mock/start', () => ({
  startIdentityMock: vi.fn(() =>
    Promise.resolve({ url: 'http://127.0.0.1:1', mailboxToken: 'm', clock: {}, close: vi.fn(() => Promise.resolve()) }),
  ),
}));
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a stand-in constructor for the mocked module: the code under test only calls `new` on it.
vi.mock('../../electron/core/secrets/keytar-secret-store', () => ({ KeytarSecretStore: class {} }));
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a stand-in constructor for the mocked module: the code under test only calls `new` on it.
vi.mock('../../electron/core/qr', () => ({ QrDecoder: class {}, builtQrWorkerUrl: () => 'x' }));
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a stand-in constructor for the mocked module: the code under test only calls `new` on it.
vi.mock('../../electron/main/screen-capture', () => ({ ElectronScreenSource: class {} }));
// As Node's ESM import of the CommonJS package gives it: `autoUpdater` only on the default export.
const updater = vi.hoisted(() => ({ feeds: [] as unknown[], checks: 0 }));
vi.mock('electron-updater', async () => {
  const { EventEmitter: E } = await import('node:events');
  const autoUpdater = Object.assign(new E(), {
    checkForUpdates: () => {
      updater.checks++;
      return Promise.resolve();
    },
    quitAndInstall: () => undefined,
    setFeedURL: (f: unknown) => void updater.feeds.push(f),
  });
  return { default: { autoUpdater }, autoUpdater: undefined };
});
vi.mock('../../electron/core/app-core', () => ({
  createAppCore: vi.fn(() => {
    const failure = s.coreFailures.shift();
    if (failure) return Promise.reject(failure);
    return Promise.resolve({
      events: new EventHub(),
      dispatch: vi.fn(),
      readSettings: () => s.settings,
      language: () => 'sv',
      sessionServices: { push: { list: () => [] } },
      lock: { lockNow: vi.fn() },
      shutdown: vi.fn(() => Promise.resolve()),
      close: vi.fn(),
    });
  }),
}));

const { createShell, startUp, setupQuit } = await import('../../electron/main/shell');
const { rememberedLanguage } = await import('../../electron/main/lifecycle');
const logs = { folder: '/logs', file: '/logs/main.log', recent: () => [], dispose: () => undefined };

describe('the shell start', () => {
  beforeEach(() => {
    s.userData = mkdtempSync(join(tmpdir(), 'flex-shell-'));
    s.responses = [];
    s.dialogs = [];
    s.windows.length = 0;
    s.trays = 0;
    s.coreFailures = [];
    s.exit.mockClear();
    s.settings.closeToTray = true;
    s.appEvents.removeAllListeners();
    vi.spyOn(process, 'argv', 'get').mockReturnValue(['/opt/flex', ...s.argv]);
  });
  afterEach(() => rmSync(s.userData, { recursive: true, force: true }));

  it('a failed start shows the dialog in the language of the OS (nothing remembered yet); Quit exits, no window was left', async () => {
    s.coreFailures = [Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' })];
    s.responses = [3];
    await startUp(createShell(logs), { eventuallyMs: 0 });
    expect(s.dialogs[0]!.buttons).toEqual(['Försök igen', 'Öppna datamappen', 'Kopiera detaljer', 'Avsluta']);
    expect(s.dialogs[0]!.detail).toContain('databas är skadad');
    expect(s.exit).toHaveBeenCalledWith(1);
    expect(s.windows).toHaveLength(0);
  });

  it('Try again after a failure starts the app: window, tray, and the language remembered for next time', async () => {
    s.coreFailures = [Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' })];
    s.responses = [0];
    const shell = createShell(logs);
    await startUp(shell, { eventuallyMs: 0 });
    expect(s.dialogs).toHaveLength(1);
    expect(s.exit).not.toHaveBeenCalled();
    expect(s.windows).toHaveLength(1);
    expect(s.trays).toBe(1);
    expect(shell.core).not.toBeNull();
    expect(rememberedLanguage(s.userData, 'en')).toBe('sv');
    await vi.waitFor(() => expect(s.windows[0]!.shown).toBe(true));
  });

  it('closing the window hides it in the tray (setting on); off, or when quitting, it closes', async () => {
    const shell = createShell(logs);
    setupQuit(shell);
    await startUp(shell, { eventuallyMs: 0 });
    const win = s.windows[0]!;
    const close = () => {
      const e = { preventDefault: vi.fn() };
      win.emit('close', e);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(close()).toBe(true);
    expect(win.hidden).toBe(true);
    s.settings.closeToTray = false;
    expect(close()).toBe(false);
    s.settings.closeToTray = true;
    s.appEvents.emit('before-quit');
    expect(close()).toBe(false);
  });

  it('started at login: no window shown until asked for', async () => {
    vi.spyOn(process, 'argv', 'get').mockReturnValue(['/opt/flex', '--hidden']);
    await startUp(createShell(logs), { eventuallyMs: 0 });
    await new Promise((r) => setTimeout(r, 10));
    expect(s.windows[0]!.shown).toBe(false);
  });

  it('updates: off without a feed; with FLEX_UPDATE_FEED_URL the updater is loaded, fed and checked once the window is up', async () => {
    const off = createShell(logs);
    await startUp(off, { eventuallyMs: 0 });
    expect(off.updates?.state).toEqual({ state: 'off' });
    expect(updater.feeds).toEqual([]);
    vi.stubEnv('FLEX_UPDATE_FEED_URL', 'https://updates.flexhrm.example/connect/');
    try {
      const on = createShell(logs);
      await startUp(on, { eventuallyMs: 0 });
      expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.flexhrm.example/connect/' }]);
      expect(updater.checks).toBe(1);
      on.updates?.stop();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
