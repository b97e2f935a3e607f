import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BrowserWindow, Rectangle } from 'electron';

/** What is remembered of the main window between runs (window-state.json in the user-data folder). */
const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
  displayId: z.number().optional(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface DisplayLike {
  id: number;
  workArea: Rectangle;
}

export const DEFAULT_SIZE = { width: 1180, height: 800 };
export const MIN_SIZE = { width: 800, height: 600 };
/** At least this much of the title bar must be on a display, or the window is moved back on screen. */
const VISIBLE_MIN = 100;

const overlap = (a: Rectangle, b: Rectangle): Rectangle => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y),
  };
};

const centredOn = (area: Rectangle, width: number, height: number): Rectangle => {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return { x: area.x + Math.round((area.width - w) / 2), y: area.y + Math.round((area.height - h) / 2), width: w, height: h };
};

/**
 * Where the window opens: the saved bounds when enough of them are still on a display, the size
 * clamped to that display's work area; otherwise (its display is gone, the resolution shrank)
 * centred on the primary display. No saved state: the default size, centred.
 */
export function restoreBounds(
  saved: WindowState | null,
  displays: DisplayLike[],
  primary: DisplayLike,
): Rectangle & { maximized: boolean } {
  if (!saved) return { ...centredOn(primary.workArea, DEFAULT_SIZE.width, DEFAULT_SIZE.height), maximized: false };
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
  const home =
    displays.find(
      (d) =>
        d.id === saved.displayId &&
        overlap(titleBar, d.workArea).width >= Math.min(VISIBLE_MIN, saved.width) &&
        overlap(titleBar, d.workArea).height > 0,
    ) ??
    displays.find(
      (d) => overlap(titleBar, d.workArea).width >= Math.min(VISIBLE_MIN, saved.width) && overlap(titleBar, d.workArea).height > 0,
    );
  if (!home) return { ...centredOn(primary.workArea, saved.width, saved.height), maximized: saved.maximized };
  const area = home.workArea;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  // Pulled inside the work area so the whole window, title bar first, is reachable.
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height, maximized: saved.maximized };
}

export class WindowStateFile {
  private readonly file: string;
  constructor(dir: string) {
    this.file = join(dir, 'window-state.json');
  }

  read(): WindowState | null {
    try {
      const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  write(state: WindowState): void {
    try {
      writeFileSync(this.file, JSON.stringify(state));
    } catch {
      // Remembering the window is a convenience; a read-only profile must not break the app.
    }
  }
}

export interface ScreenLike {
  getDisplayMatching(rect: Rectangle): DisplayLike;
}

/**
 * Saves the window's normal bounds (not the maximised ones), whether it is maximised and on which
 * display, half a second after it stops moving and when it closes.
 */
export function trackWindowState(win: BrowserWindow, file: WindowStateFile, screen: ScreenLike, delayMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    if (win.isDestroyed() || win.isMinimized()) return;
    const bounds = win.getNormalBounds();
    file.write({ ...bounds, maximized: win.isMaximized(), displayId: screen.getDisplayMatching(bounds).id });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', later);
  win.on('close', save);
}
