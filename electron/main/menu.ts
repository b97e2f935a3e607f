import { app, Menu, type ContextMenuParams, type MenuItemConstructorOptions, type WebContents } from 'electron';
import type { Texts } from './texts';

export interface MenuActions {
  openLogFolder(): void;
  /** Settings > About (versions, log folder, diagnostics). */
  showAbout(): void;
  showSettings(): void;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  name: string;
  t: Texts;
  actions: MenuActions;
}

/**
 * The application menu per platform: the macOS app menu (About, Settings, Hide, Quit) with Edit,
 * View, Window and Help; elsewhere File, Edit, View and Help. Edit carries copy and paste (on macOS
 * the shortcuts only work through the menu). View has reload and developer tools only when not
 * packaged. Help opens the log folder and About.
 */
export function buildAppMenu({ platform, isPackaged, name, t, actions }: MenuContext): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const edit: MenuItemConstructorOptions = {
    label: t('menu', 'edit'),
    submenu: [
      { role: 'undo', label: t('menu', 'undo') },
      { role: 'redo', label: t('menu', 'redo') },
      { type: 'separator' },
      { role: 'cut', label: t('menu', 'cut') },
      { role: 'copy', label: t('menu', 'copy') },
      { role: 'paste', label: t('menu', 'paste') },
      { role: 'selectAll', label: t('menu', 'selectAll') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t('menu', 'view'),
    submenu: [
      ...(isPackaged
        ? []
        : ([
            { role: 'reload', label: t('menu', 'reload') },
            { role: 'toggleDevTools', label: t('menu', 'devTools') },
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])),
      { role: 'resetZoom', label: t('menu', 'resetZoom') },
      { role: 'zoomIn', label: t('menu', 'zoomIn') },
      { role: 'zoomOut', label: t('menu', 'zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('menu', 'fullScreen') },
    ],
  };
  const about: MenuItemConstructorOptions = { id: 'about', label: t('menu', 'about', { name }), click: () => actions.showAbout() };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('menu', 'help'),
    submenu: [
      { id: 'open-logs', label: t('menu', 'openLogs'), click: () => actions.openLogFolder() },
      ...(mac ? [] : [{ type: 'separator' } as const, about]),
    ],
  };
  const settings: MenuItemConstructorOptions = {
    id: 'settings',
    label: t('menu', 'settings'),
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.showSettings(),
  };
  if (mac) {
    return [
      {
        label: name,
        submenu: [
          about,
          { type: 'separator' },
          settings,
          { type: 'separator' },
          { role: 'hide', label: t('menu', 'hide', { name }) },
          { role: 'hideOthers', label: t('menu', 'hideOthers') },
          { role: 'unhide', label: t('menu', 'showAll') },
          { type: 'separator' },
          { role: 'quit', label: t('menu', 'quit', { name }) },
        ],
      },
      edit,
      view,
      {
        role: 'window',
        label: t('menu', 'window'),
        submenu: [
          { role: 'minimize', label: t('menu', 'minimize') },
          { role: 'zoom', label: t('menu', 'zoom') },
          { type: 'separator' },
          { role: 'front', label: t('menu', 'front') },
        ],
      },
      help,
    ];
  }
  return [
    {
      label: t('menu', 'file'),
      submenu: [
        settings,
        { type: 'separator' },
        { role: 'close', label: t('menu', 'close') },
        { role: 'quit', label: t('menu', 'quit', { name }) },
      ],
    },
    edit,
    view,
    help,
  ];
}

/**
 * The context menu of text fields (undo, cut, copy, paste, select all, each enabled as the field
 * allows) and of selected text (copy). Nothing elsewhere: no "Inspect" in a packaged app.
 */
export function buildContextMenu(
  params: Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>,
  t: Texts,
): MenuItemConstructorOptions[] | null {
  const f = params.editFlags;
  if (params.isEditable) {
    return [
      { role: 'undo', label: t('menu', 'undo'), enabled: f.canUndo },
      { role: 'redo', label: t('menu', 'redo'), enabled: f.canRedo },
      { type: 'separator' },
      { role: 'cut', label: t('menu', 'cut'), enabled: f.canCut },
      { role: 'copy', label: t('menu', 'copy'), enabled: f.canCopy },
      { role: 'paste', label: t('menu', 'paste'), enabled: f.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: t('menu', 'selectAll'), enabled: f.canSelectAll },
    ];
  }
  if (params.selectionText.trim()) return [{ role: 'copy', label: t('menu', 'copy'), enabled: f.canCopy }];
  return null;
}

/** Installs the application menu (call again after a language change) and the context menus. */
export function setupMenus(context: () => MenuContext): { refresh: () => void } {
  const refresh = () => Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenu(context())));
  refresh();
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('context-menu', (_e, params) => {
      const template = buildContextMenu(params, context().t);
      if (template) Menu.buildFromTemplate(template).popup();
    });
  });
  return { refresh };
}
