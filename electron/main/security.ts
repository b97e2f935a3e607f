import { app, session, type WebContents } from 'electron';
import { devRendererUrl } from './dev-gate';

/** The app's own pages: the built renderer on the app protocol, or the dev server while developing. */
export const APP_ORIGIN = 'app://renderer';
const devUrl = devRendererUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
const devServer = devUrl ? new URL(devUrl).origin : null;

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.origin === APP_ORIGIN || (u.protocol === 'app:' && u.host === 'renderer') || (devServer !== null && u.origin === devServer);
  } catch {
    return false;
  }
}

/**
 * The Electron security checklist in one place (as Mullvad and Element keep it):
 * - every renderer sandboxed, before any window exists (`enableSandbox` also covers windows a
 *   bug might open), with contextIsolation on and nodeIntegration off in `createWindow`;
 * - navigation away from the app and every `window.open` denied;
 * - every permission request denied except writing the clipboard: the QR reader's screen capture
 *   runs in main (desktopCapturer, electron/main/screen-capture.ts), so no page ever needs the
 *   `media` or `display-capture` permission here (only the browser host's page captures itself);
 * - no webviews.
 * The CSP is sent by the app protocol handler (shared/csp.ts).
 */
export function setupSecurity(): void {
  app.enableSandbox();

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  void app.whenReady().then(() => {
    const allowed = new Set(['clipboard-sanitized-write']);
    session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed as always set; a permission decision keeps the fallback anyway.
      callback(allowed.has(permission) && isAppUrl(details.requestingUrl ?? contents.getURL()));
    });
    session.defaultSession.setPermissionCheckHandler((_contents, permission, origin) => allowed.has(permission) && isAppUrl(origin));
  });
}

/** A second launch hands its arguments (deep links) to the first and quits. */
export function setupSingleInstance(): boolean {
  return app.requestSingleInstanceLock();
}
