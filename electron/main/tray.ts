import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Texts } from './texts';

export interface TrayActions {
  open(): void;
  /** Shows the window on the authenticator, where the number-matching prompt is. */
  approve(): void;
  quit(): void;
}

/** The tray menu: Open, Approve pending sign-in (only while one waits), Quit. */
export function buildTrayMenu(t: Texts, pending: number, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { id: 'open', label: t('tray', 'open'), click: () => actions.open() },
    { id: 'approve', label: t('tray', 'approve'), enabled: pending > 0, click: () => actions.approve() },
    { type: 'separator' },
    { id: 'quit', label: t('tray', 'quit'), click: () => actions.quit() },
  ];
}

export interface AppTray {
  /** Rebuilds the menu: after a push request came or went, or the language changed. */
  refresh(): void;
  destroy(): void;
}

/**
 * The tray icon that keeps the app reachable while its window is closed (close to tray): a click
 * opens the window (Windows, Linux), the menu offers the rest.
 */
export function setupTray(iconPath: string, texts: () => Texts, pending: () => number, actions: TrayActions): AppTray {
  const tray = new Tray(iconPath);
  const refresh = () => {
    const t = texts();
    tray.setToolTip(t('tray', 'tooltip'));
    tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(t, pending(), actions)));
  };
  tray.on('click', () => actions.open());
  refresh();
  return { refresh, destroy: () => tray.destroy() };
}
