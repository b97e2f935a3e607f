import { app, type BrowserWindow } from 'electron';
import { parseDeepLink, DEEP_LINK_SCHEME } from '@shared/deep-links';
import type { AppCore } from '../core/app-core';

/**
 * Emailed links (flexconnect://reset-password?token=...) reach the app three ways: as an
 * argument of the first launch, through `second-instance` on Windows/Linux, and `open-url` on
 * macOS. Each is checked against the allowlist in shared/deep-links.ts before the renderer
 * sees it.
 */
export function setupDeepLinks(core: AppCore, getWindow: () => BrowserWindow | null): void {
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [process.argv[1]]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
  const handle = (raw: string | undefined) => {
    const link = raw ? parseDeepLink(raw) : null;
    if (!link) return;
    core.events.emit('deep-link', link);
    const win = getWindow();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  };
  app.on('second-instance', (_e, argv) => handle(argv.find((a) => a.startsWith(`${DEEP_LINK_SCHEME}://`))));
  app.on('open-url', (e, url) => {
    e.preventDefault();
    handle(url);
  });
  const initial = process.argv.find((a) => a.startsWith(`${DEEP_LINK_SCHEME}://`));
  if (initial) getWindow()?.webContents.once('did-finish-load', () => handle(initial));
}
