import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'electron';

/** The argument a start at login passes: the app starts in the tray, without a window. */
export const HIDDEN_ARG = '--hidden';

export interface LoginItemDeps {
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;
  platform: NodeJS.Platform;
  execPath: string;
  /** $XDG_CONFIG_HOME or ~/.config (Linux autostart). */
  configHome?: string;
}

const desktopEntry = (execPath: string) =>
  [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Flex HRM Connect',
    `Exec="${execPath}" ${HIDDEN_ARG}`,
    'X-GNOME-Autostart-enabled=true',
    'NoDisplay=true',
    '',
  ].join('\n');

/**
 * "Start at login": `app.setLoginItemSettings` on macOS and Windows; on Linux, where Electron has no
 * such API, an XDG autostart entry (~/.config/autostart). Either way the app starts hidden.
 */
export function applyStartAtLogin(on: boolean, { app, platform, execPath, configHome }: LoginItemDeps): void {
  if (platform === 'linux') {
    const dir = join(configHome ?? process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart');
    const file = join(dir, 'flex-hrm-connect.desktop');
    if (on) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, desktopEntry(execPath));
    } else rmSync(file, { force: true });
    return;
  }
  app.setLoginItemSettings({ openAtLogin: on, args: on ? [HIDDEN_ARG] : [] });
}

/** Whether this start came from the login item (then no window is shown until asked for). */
export function startedHidden(argv: readonly string[], app: Pick<App, 'getLoginItemSettings'>, platform: NodeJS.Platform): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  // macOS does not pass args to a login item: wasOpenedAtLogin says it.
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
