import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildAppMenu, buildContextMenu, setupMenus } from '../../electron/main/menu';
import { textsFor } from '../../electron/main/texts';
import { buildTrayMenu, setupTray } from '../../electron/main/tray';

const state = vi.hoisted(() => ({
  trays: [] as { icon: string; tooltip?: string; menu?: unknown; handlers: Map<string, () => void>; destroyed: boolean }[],
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- it widens null, so the fake menu can be stored.
  appMenu: null as unknown,
  popups: [] as unknown[],
  appHandlers: new Map<string, (...a: unknown[]) => void>(),
}));
vi.mock('electron', () => ({
  app: { on: (e: string, h: (...a: unknown[]) => void) => state.appHandlers.set(e, h) },
  Tray: class {
    entry: (typeof state.trays)[number];
    constructor(icon: string) {
      this.entry = { icon, handlers: new Map(), destroyed: false };
      state.trays.push(this.entry);
    }
    setToolTip(t: string) {
      this.entry.tooltip = t;
    }
    setContextMenu(m: unknown) {
      this.entry.menu = m;
    }
    on(e: string, h: () => void) {
      this.entry.handlers.set(e, h);
    }
    destroy() {
      this.entry.destroyed = true;
    }
  },
  Menu: {
    buildFromTemplate: (template: unknown[]) => ({ template, popup: () => state.popups.push(template) }),
    setApplicationMenu: (m: unknown) => (state.appMenu = m),
  },
}));

const actions = () => ({ open: vi.fn(), approve: vi.fn(), quit: vi.fn() });
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role ?? i.type);
const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];

describe('tray', () => {
  beforeEach(() => (state.trays.length = 0));

  it('offers Open, Approve pending sign-in (only while one waits) and Quit, in the app language', () => {
    const a = actions();
    const idle = buildTrayMenu(textsFor('sv'), 0, a);
    expect(labels(idle)).toEqual(['Öppna Flex HRM', 'Godkänn väntande inloggning', 'separator', 'Avsluta']);
    expect(idle[1]!.enabled).toBe(false);
    const waiting = buildTrayMenu(textsFor('en'), 2, a);
    expect(waiting[1]!.enabled).toBe(true);
    (waiting[1]!.click as () => void)();
    (waiting[3]!.click as () => void)();
    expect(a.approve).toHaveBeenCalled();
    expect(a.quit).toHaveBeenCalled();
  });

  it('a click on the icon opens the window; refresh rebuilds the menu with the pending count', () => {
    const a = actions();
    let pending = 0;
    const tray = setupTray(
      '/icon.png',
      () => textsFor('en'),
      () => pending,
      a,
    );
    const entry = state.trays[0]!;
    expect(entry.tooltip).toBe('Flex HRM Connect');
    entry.handlers.get('click')!();
    expect(a.open).toHaveBeenCalled();
    pending = 1;
    tray.refresh();
    expect((entry.menu as { template: MenuItemConstructorOptions[] }).template[1]!.enabled).toBe(true);
    tray.destroy();
    expect(entry.destroyed).toBe(true);
  });
});

const menuActions = { openLogFolder: vi.fn(), showAbout: vi.fn(), showSettings: vi.fn() };

describe('application menu', () => {
  it('macOS: the app menu (About, Settings, Hide, Quit), Edit, View, Window, Help', () => {
    const menu = buildAppMenu({ platform: 'darwin', isPackaged: true, name: 'Flex HRM Connect', t: textsFor('en'), actions: menuActions });
    expect(labels(menu)).toEqual(['Flex HRM Connect', 'Edit', 'View', 'Window', 'Help']);
    expect(labels(submenu(menu[0]))).toEqual([
      'About Flex HRM Connect',
      'separator',
      'Settings…',
      'separator',
      'Hide Flex HRM Connect',
      'Hide Others',
      'Show All',
      'separator',
      'Quit Flex HRM Connect',
    ]);
  });

  it('Windows and Linux: File, Edit, View, Help (About in Help)', () => {
    const menu = buildAppMenu({ platform: 'win32', isPackaged: true, name: 'Flex HRM Connect', t: textsFor('sv'), actions: menuActions });
    expect(labels(menu)).toEqual(['Arkiv', 'Redigera', 'Visa', 'Hjälp']);
    const help = submenu(menu[3]);
    expect(labels(help)).toEqual(['Öppna loggmappen', 'separator', 'Om Flex HRM Connect']);
    (help[0]!.click as () => void)();
    (help[2]!.click as () => void)();
    expect(menuActions.openLogFolder).toHaveBeenCalled();
    expect(menuActions.showAbout).toHaveBeenCalled();
  });

  it('Edit has copy and paste; View has developer tools and reload only when not packaged', () => {
    for (const isPackaged of [true, false]) {
      const menu = buildAppMenu({ platform: 'linux', isPackaged, name: 'F', t: textsFor('en'), actions: menuActions });
      const roles = (i: number) => submenu(menu[i]).map((m) => m.role);
      expect(roles(1)).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll']));
      expect(roles(2).includes('toggleDevTools')).toBe(!isPackaged);
      expect(roles(2).includes('reload')).toBe(!isPackaged);
    }
  });
});

describe('context menu', () => {
  const flags = {
    canUndo: true,
    canRedo: false,
    canCut: true,
    canCopy: true,
    canPaste: true,
    canSelectAll: true,
    canDelete: true,
    canEditRichly: false,
  };

  it('text fields get undo/cut/copy/paste/select all, enabled as the field allows', () => {
    const menu = buildContextMenu({ isEditable: true, selectionText: '', editFlags: flags }, textsFor('sv'))!;
    expect(menu.filter((m) => m.role).map((m) => [m.role, m.enabled])).toEqual([
      ['undo', true],
      ['redo', false],
      ['cut', true],
      ['copy', true],
      ['paste', true],
      ['selectAll', true],
    ]);
    expect(menu.find((m) => m.role === 'paste')!.label).toBe('Klistra in');
  });

  it('selected text gets Copy; elsewhere no menu (no Inspect)', () => {
    expect(buildContextMenu({ isEditable: false, selectionText: 'Flex', editFlags: flags }, textsFor('en'))!.map((m) => m.role)).toEqual([
      'copy',
    ]);
    expect(buildContextMenu({ isEditable: false, selectionText: ' ', editFlags: flags }, textsFor('en'))).toBeNull();
  });

  it('setupMenus installs the app menu and pops the context menu up on each web contents', () => {
    const ctx = () => ({ platform: 'linux' as const, isPackaged: true, name: 'F', t: textsFor('en'), actions: menuActions });
    const { refresh } = setupMenus(ctx);
    expect(state.appMenu).not.toBeNull();
    const handlers = new Map<string, (...a: unknown[]) => void>();
    state.appHandlers.get('web-contents-created')!({}, { on: (e: string, h: (...a: unknown[]) => void) => handlers.set(e, h) });
    handlers.get('context-menu')!({}, { isEditable: true, selectionText: '', editFlags: flags });
    expect(state.popups).toHaveLength(1);
    state.appMenu = null;
    refresh();
    expect(state.appMenu).not.toBeNull();
  });
});
