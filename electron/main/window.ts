import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { devRendererUrl, devToolsAllowed } from './dev-gate';
import { APP_ORIGIN } from './security';
import { DEFAULT_SIZE, MIN_SIZE } from './window-state';

export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
  /** False when started at login (hidden in the tray). */
  show?: boolean;
}

export function createMainWindow(preloadPath: string, iconPath: string, placement: WindowPlacement = { ...DEFAULT_SIZE }): BrowserWindow {
  const win = new BrowserWindow({
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {}),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
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
  win.once('ready-to-show', () => {
    if (placement.show === false) return;
    if (placement.maximized) win.maximize();
    win.show();
  });
  // Packaged: always the app protocol; the dev server only in development (dev-gate.ts).
  const dev = devRendererUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
  void win.loadURL(dev ?? `${APP_ORIGIN}/index.html`);
  return win;
}

export const resourcesPath = (...p: string[]) => join(import.meta.dirname, '../../resources', ...p);

/** Brings the window forward (tray, notification, second launch, deep link). */
export function showWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
