import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { devRendererUrl, devToolsAllowed } from './dev-gate';
import { APP_ORIGIN } from './security';

export function createMainWindow(preloadPath: string, iconPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1180,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Flex HRM',
    icon: iconPath,
    webPreferences: {
      preload: preloadPath,
      // Belt and braces: app.enableSandbox() already forces these, but say it where it is read.
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: devToolsAllowed(app.isPackaged),
    },
  });
  win.once('ready-to-show', () => win.show());
  // Packaged: always the app protocol; the dev server only in development (dev-gate.ts).
  const dev = devRendererUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
  void win.loadURL(dev ?? `${APP_ORIGIN}/index.html`);
  return win;
}

export const resourcesPath = (...p: string[]) => join(import.meta.dirname, '../../resources', ...p);
