// Electron composition root: a readable list of setupX() calls (Electron Fiddle's shape).
// Everything with logic lives in electron/core and electron/mock, which never import electron.
import { join } from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { createAppCore, type AppCore } from '../core/app-core';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';
import { QrDecoder, builtQrWorkerUrl } from '../core/qr';
import { startIdentityMock } from '../mock/start';
import { registerAppScheme, setupAppProtocol } from './app-protocol';
import { ElectronClipboard } from './clipboard';
import { setupDeepLinks } from './deep-links';
import { setupIpc } from './ipc';
import { setupPushNotifications } from './notifications';
import { ElectronScreenSource } from './screen-capture';
import { setupSecurity, setupSingleInstance } from './security';
import { createMainWindow, resourcesPath } from './window';

let mainWindow: BrowserWindow | null = null;
let core: AppCore | null = null;
let stopMock: (() => Promise<void>) | null = null;

setupSecurity();
if (!setupSingleInstance()) {
  app.quit();
} else {
  registerAppScheme();
  app.setAppUserModelId('com.flexhrm.connect');
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  // The embedded identity mock is the default server: the app works with no network at all.
  const mock = await startIdentityMock({ port: 0, dataFile: join(app.getPath('userData'), 'mock.db') });
  stopMock = () => mock.close();
  core = await createAppCore({
    embeddedServerUrl: mock.url,
    embeddedMailboxToken: mock.mailboxToken,
    dataDir: app.getPath('userData'),
    secretStore: new KeytarSecretStore('Flex HRM Connect'),
    credentialStore: new KeytarSecretStore('Flex HRM Connect credentials'),
    screenSource: new ElectronScreenSource(),
    qrDecoder: new QrDecoder(builtQrWorkerUrl(import.meta.url)),
    // Main writes copied codes itself: marked for exclusion from clipboard history, cleared after 30 s.
    clipboard: new ElectronClipboard(),
    info: {
      name: 'Flex HRM Connect',
      version: app.getVersion(),
      platform: process.platform,
      host: 'electron',
      systemLocale: /^sv/i.test(app.getPreferredSystemLanguages()[0] ?? app.getLocale()) ? 'sv' : 'en',
      screenCapture: 'main',
    },
  });
  setupAppProtocol(join(import.meta.dirname, '../renderer'));
  setupIpc(core);
  mainWindow = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), resourcesPath('icon.png'));
  mainWindow.on('closed', () => (mainWindow = null));
  setupDeepLinks(core, () => mainWindow);
  const sv = () => /^sv/i.test(app.getLocale());
  setupPushNotifications(core, () => mainWindow, () =>
    sv()
      ? { title: 'Godkänn inloggning', body: 'En inloggning med Connect väntar på ditt godkännande i Authenticator.' }
      : { title: 'Approve sign-in', body: 'A Connect sign-in is waiting for your approval in the authenticator.' },
  );
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('activate', () => {
  if (core && !mainWindow) mainWindow = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), resourcesPath('icon.png'));
});
let credentialsFlushed = false;
app.on('will-quit', (event) => {
  // The keychain is written in the background: a sign-out just before quitting must reach it,
  // or the next start would find the session (the server check would still refuse an ended one).
  if (core && !credentialsFlushed) {
    credentialsFlushed = true;
    event.preventDefault();
    void core.shutdown().finally(() => app.quit());
    return;
  }
  core?.close();
  void stopMock?.();
});
