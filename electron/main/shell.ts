import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, clipboard, dialog, screen, shell as electronShell, type BrowserWindow } from 'electron';
import type { AppUpdater } from 'electron-updater';
import type { Locale } from '@shared/contract';
import { createAppCore, type AppCore } from '../core/app-core';
import { createLogger } from '../core/log';
import type { FileLog } from '../core/log/file-log';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';
import { QrDecoder, builtQrWorkerUrl } from '../core/qr';
import { startIdentityMock, type RunningMock } from '../mock/start';
import { setupAppProtocol } from './app-protocol';
import { ElectronClipboard } from './clipboard';
import { setupAppLock, touchIdVerification } from './app-lock';
import { DeepLinkInbox, setupDeepLinkSources } from './deep-links';
import { diagnosticsText } from './diagnostics';
import { setupIpc } from './ipc';
import { createFailureDialog, Lifecycle, Phase, rememberedLanguage, rememberLanguage, runStartup, setupProcessGone } from './lifecycle';
import { applyStartAtLogin, startedHidden } from './login-item';
import { setupMenus } from './menu';
import { notifyUpdateReady, setupPushNotifications } from './notifications';
import { ElectronScreenSource } from './screen-capture';
import { textsFor, type Texts } from './texts';
import { setupTray, type AppTray } from './tray';
import { feedFor, UpdateController } from './updater';
import { createMainWindow, resourcesPath, showWindow } from './window';
import { restoreBounds, trackWindowState, WindowStateFile } from './window-state';

const log = createLogger('main');
const NAME = 'Flex HRM Connect';

/** Everything the shell holds, in one place, so each setup step reads what it needs. */
export interface Shell {
  lifecycle: Lifecycle;
  logs: FileLog;
  inbox: DeepLinkInbox;
  core: AppCore | null;
  mock: RunningMock | null;
  window: BrowserWindow | null;
  tray: AppTray | null;
  updates: UpdateController | null;
  refreshMenu: () => void;
}

export function createShell(logs: FileLog): Shell {
  return {
    lifecycle: new Lifecycle(),
    logs,
    inbox: new DeepLinkInbox(),
    core: null,
    mock: null,
    window: null,
    tray: null,
    updates: null,
    refreshMenu: () => undefined,
  };
}

const systemLocale = (): Locale => (/^sv/i.test(app.getPreferredSystemLanguages()[0] ?? app.getLocale()) ? 'sv' : 'en');
const dataDir = () => app.getPath('userData');
/** The language chosen in Settings; before the core runs, the one remembered from the last run. */
export const currentTexts = (s: Shell): Texts => textsFor(s.core ? s.core.language() : rememberedLanguage(dataDir(), systemLocale()));

/** Before ready: the OS's deep links (argv, open-url, second-instance) into the inbox. */
export function setupDeepLinks(s: Shell): void {
  setupDeepLinkSources(app, s.inbox, () => showWindow(s.window));
}

export function setupCrashHandling(s: Shell): void {
  setupProcessGone({ app, dialog, log, texts: () => currentTexts(s), getWindow: () => s.window });
  process.on('unhandledRejection', (reason) => log.error('Unhandled rejection', reason));
}

/** Closing the window hides it in the tray (setting, default on) unless the user is quitting. */
export function setupQuit(s: Shell): void {
  app.on('before-quit', () => {
    s.lifecycle.quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (s.window) showWindow(s.window);
    else if (s.core) openWindow(s, true);
  });
  let flushed = false;
  app.on('will-quit', (event) => {
    // The keychain is written in the background: a sign-out just before quitting must reach it.
    if (s.core && !flushed) {
      flushed = true;
      event.preventDefault();
      void s.core.shutdown().finally(() => app.quit());
      return;
    }
    s.updates?.stop();
    s.tray?.destroy();
    s.core?.close();
    void s.mock?.close();
  });
}

/** The embedded mock and the core, with the e2e switches honoured only in an unpackaged build. */
async function startCore(s: Shell): Promise<AppCore> {
  const testing = !app.isPackaged;
  const env = process.env;
  const port = Number(env.FLEX_MOCK_PORT ?? 0);
  const keychain = (testing && env.FLEX_KEYCHAIN_SERVICE) || NAME;
  await s.mock?.close();
  s.mock = await startIdentityMock({
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 0,
    dataFile: join(dataDir(), 'mock.db'),
    ...(testing && env.FLEX_TEST_CONTROL_TOKEN ? { testControlToken: env.FLEX_TEST_CONTROL_TOKEN } : {}),
  });
  return createAppCore({
    embeddedServerUrl: s.mock.url,
    embeddedMailboxToken: s.mock.mailboxToken,
    dataDir: dataDir(),
    secretStore: new KeytarSecretStore(keychain),
    credentialStore: new KeytarSecretStore(`${keychain} credentials`),
    backupKeyStore: new KeytarSecretStore(`${keychain} backups`),
    // The unencrypted list goes where the user picks in the OS dialog, never where the page says.
    choosePlainExportPath: async (defaultName) => {
      const options = { defaultPath: join(app.getPath('documents'), defaultName), properties: ['showOverwriteConfirmation' as const] };
      const res = s.window ? await dialog.showSaveDialog(s.window, options) : await dialog.showSaveDialog(options);
      return res.canceled || !res.filePath ? null : res.filePath;
    },
    screenSource: new ElectronScreenSource(),
    qrDecoder: new QrDecoder(builtQrWorkerUrl(import.meta.url)),
    // Main writes copied codes itself: marked for exclusion from clipboard history, cleared after 30 s.
    clipboard: new ElectronClipboard(),
    userVerification: touchIdVerification(),
    info: {
      name: NAME,
      version: app.getVersion(),
      platform: process.platform,
      host: 'electron',
      systemLocale: systemLocale(),
      screenCapture: 'main',
    },
    desktop: {
      diagnostics: () => ({
        logFolder: s.logs.folder,
        text: diagnosticsText(
          { app: app.getVersion(), ...process.versions, platform: `${process.platform} ${process.arch}` },
          s.logs.recent(),
        ),
      }),
      updateState: () => s.updates?.state ?? { state: 'off' },
      restartToUpdate: () => s.updates?.restart(),
      takeDeepLinks: () => s.inbox.take(),
      settingsChanged: (settings) => {
        const core = s.core;
        if (core) rememberLanguage(dataDir(), core.language());
        applyStartAtLogin(settings.startAtLogin, { app, platform: process.platform, execPath: process.execPath });
        s.refreshMenu();
        s.tray?.refresh();
      },
    },
  });
}

function openWindow(s: Shell, show: boolean): BrowserWindow {
  const states = new WindowStateFile(dataDir());
  const bounds = restoreBounds(states.read(), screen.getAllDisplays(), screen.getPrimaryDisplay());
  const win = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), resourcesPath('icon.png'), { ...bounds, show });
  trackWindowState(win, states, screen);
  // A (re)loading page has not asked for deep links yet: they wait in the inbox.
  win.webContents.on('did-start-loading', () => s.inbox.pageLoading());
  win.webContents.once('did-finish-load', () => (s.lifecycle.phase = Phase.Restored));
  let told = false;
  win.on('close', (event) => {
    if (s.lifecycle.quitting || !s.core?.readSettings().closeToTray || !s.tray) return;
    event.preventDefault();
    win.hide();
    if (!told) {
      told = true;
      log.info('Window closed to the tray');
    }
  });
  win.on('closed', () => (s.window = null));
  s.window = win;
  return win;
}

/**
 * The start in phases: core and server (with the failure dialog and Retry), then IPC, the window,
 * tray, menus and notifications; the update checks come Eventually.
 */
export async function startUp(s: Shell, { eventuallyMs = 5_000 } = {}): Promise<void> {
  const ask = createFailureDialog({ dialog, clipboard, shell: electronShell, dataDir: dataDir(), texts: () => currentTexts(s) });
  const core = await runStartup(() => startCore(s), {
    log,
    versions: { app: app.getVersion(), electron: process.versions.electron, os: process.platform },
    ask,
  });
  if (!core) {
    await s.mock?.close();
    app.exit(1);
    return;
  }
  s.core = core;
  log.info(`Started ${NAME} ${app.getVersion()} (Electron ${process.versions.electron}, ${process.platform} ${process.arch})`);
  rememberLanguage(dataDir(), core.language());
  s.inbox.attach((link) => core.events.emit('app.deepLinkReceived', link));
  setupAppProtocol(join(import.meta.dirname, '../renderer'));
  setupIpc(core);
  setupAppLock(core);
  s.lifecycle.phase = Phase.Ready;
  const hidden = startedHidden(process.argv, app, process.platform);
  openWindow(s, !hidden);
  const show = () => (s.window ? showWindow(s.window) : openWindow(s, true));
  const texts = () => currentTexts(s);
  const pending = () => core.sessionServices.push.list().length;
  const navigateTo = (to: 'authenticator' | 'settings') => () => {
    show();
    core.events.emit('app.navigationRequested', { to });
  };
  s.tray = setupTray(resourcesPath('icon.png'), texts, pending, {
    open: show,
    approve: navigateTo('authenticator'),
    quit: () => app.quit(),
  });
  core.events.subscribe((event) => {
    if (event === 'push.requestReceived' || event === 'push.requestResolved') s.tray?.refresh();
  });
  s.refreshMenu = setupMenus(() => ({
    platform: process.platform,
    isPackaged: app.isPackaged,
    name: NAME,
    t: texts(),
    actions: {
      openLogFolder: () => void electronShell.openPath(s.logs.folder),
      showAbout: navigateTo('settings'),
      showSettings: navigateTo('settings'),
    },
  })).refresh;
  setupPushNotifications(core.events, texts, show);
  const feed = feedFor({
    envUrl: process.env.FLEX_UPDATE_FEED_URL,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed as set, but undefined outside Electron (the tests' Node).
    hasBuiltInFeed: existsSync(join(process.resourcesPath ?? '', 'app-update.yml')),
    isPackaged: app.isPackaged,
  });
  if (process.env.FLEX_UPDATE_FEED_URL && !feed) log.warn('FLEX_UPDATE_FEED_URL ignored: it must be https (or http on loopback)');
  s.updates = new UpdateController(feed ? await loadUpdater() : null, {
    feed,
    log,
    onState: (state) => {
      core.events.emit('app.updateChanged', state);
      if (state.state === 'ready') notifyUpdateReady(state.version, texts, navigateTo('settings'));
    },
  });
  await s.lifecycle.when(Phase.Restored);
  setTimeout(() => (s.lifecycle.phase = Phase.Eventually), eventuallyMs).unref();
  await s.lifecycle.when(Phase.Eventually);
  s.updates.start();
}

/**
 * electron-updater is loaded only when a feed is configured. Its `autoUpdater` is a CommonJS getter
 * that Node's ESM named-export detection may not see: read it from the default export too.
 */
async function loadUpdater(): Promise<AppUpdater> {
  const mod = (await import('electron-updater')) as { autoUpdater?: AppUpdater; default?: { autoUpdater: AppUpdater } };
  return mod.autoUpdater ?? mod.default!.autoUpdater;
}
