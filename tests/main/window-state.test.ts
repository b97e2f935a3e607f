import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SIZE, restoreBounds, trackWindowState, WindowStateFile, type DisplayLike } from '../../electron/main/window-state';

vi.mock('electron', () => ({}));

const primary: DisplayLike = { id: 1, workArea: { x: 0, y: 25, width: 1920, height: 1055 } };
const right: DisplayLike = { id: 2, workArea: { x: 1920, y: 0, width: 2560, height: 1440 } };

describe('restoreBounds', () => {
  it('no saved state: the default size centred on the primary display', () => {
    expect(restoreBounds(null, [primary], primary)).toEqual({ x: 370, y: 153, ...DEFAULT_SIZE, maximized: false });
  });

  it('keeps the saved place on a display that is still there, maximised included', () => {
    const saved = { x: 2100, y: 100, width: 1400, height: 900, maximized: true, displayId: 2 };
    expect(restoreBounds(saved, [primary, right], primary)).toEqual({ x: 2100, y: 100, width: 1400, height: 900, maximized: true });
  });

  it('its display is gone: centred back on the primary display, never off screen', () => {
    const saved = { x: 2100, y: 100, width: 1400, height: 900, maximized: false, displayId: 2 };
    const b = restoreBounds(saved, [primary], primary);
    expect(b).toEqual({ x: 260, y: 103, width: 1400, height: 900, maximized: false });
  });

  it('larger than the display now (resolution lowered): clamped to the work area', () => {
    const saved = { x: -50, y: 0, width: 3000, height: 2000, maximized: false, displayId: 1 };
    expect(restoreBounds(saved, [primary], primary)).toEqual({ x: 0, y: 25, width: 1920, height: 1055, maximized: false });
  });

  it('mostly off the edge: pulled back inside so the title bar is reachable', () => {
    const saved = { x: 1800, y: 900, width: 1000, height: 700, maximized: false, displayId: 1 };
    expect(restoreBounds(saved, [primary], primary)).toEqual({ x: 920, y: 380, width: 1000, height: 700, maximized: false });
  });
});

describe('WindowStateFile', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips, and a damaged or foreign file reads as no state', () => {
    dir = mkdtempSync(join(tmpdir(), 'flex-ws-'));
    const f = new WindowStateFile(dir);
    expect(f.read()).toBeNull();
    f.write({ x: 1, y: 2, width: 900, height: 700, maximized: false, displayId: 3 });
    expect(f.read()).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: false, displayId: 3 });
    writeFileSync(join(dir, 'window-state.json'), '{"x":"left"}');
    expect(f.read()).toBeNull();
    writeFileSync(join(dir, 'window-state.json'), 'garbage');
    expect(f.read()).toBeNull();
  });

  it('trackWindowState saves the normal bounds, maximised and display after moves settle and on close', () => {
    vi.useFakeTimers();
    try {
      dir = mkdtempSync(join(tmpdir(), 'flex-ws-'));
      const f = new WindowStateFile(dir);
      const win = Object.assign(new EventEmitter(), {
        isDestroyed: () => false,
        isMinimized: () => false,
        isMaximized: () => true,
        getNormalBounds: () => ({ x: 10, y: 20, width: 1000, height: 700 }),
      });
      trackWindowState(win as never, f, { getDisplayMatching: () => right });
      win.emit('move');
      win.emit('resize');
      expect(f.read()).toBeNull();
      vi.advanceTimersByTime(600);
      expect(f.read()).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true, displayId: 2 });
      rmSync(join(dir, 'window-state.json'));
      win.emit('close');
      expect(f.read()).not.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
