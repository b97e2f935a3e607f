import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLogSink, type LogLevel, type LogScope } from '../../electron/core/log';

interface FakeElectron {
  access: string;
  sources: unknown[];
  fail: boolean;
  requested: unknown;
  appHandlers: Map<string, (...a: unknown[]) => void>;
}
const state = vi.hoisted((): FakeElectron => ({
  access: 'granted',
  sources: [],
  fail: false,
  requested: null,
  appHandlers: new Map(),
}));

vi.mock('electron', () => ({
  app: {
    getPath: () => '/tmp/flex-user-data',
    isPackaged: true,
    on: (e: string, h: (...a: unknown[]) => void) => state.appHandlers.set(e, h),
  },
  systemPreferences: { getMediaAccessStatus: () => state.access },
  screen: {
    getAllDisplays: () => [
      { id: 7, size: { width: 2, height: 1 }, scaleFactor: 1 },
      { id: 8, size: { width: 2, height: 1 }, scaleFactor: 1 },
    ],
  },
  desktopCapturer: {
    getSources: (options: unknown) => {
      state.requested = options;
      if (state.fail) return Promise.reject(new Error('no portal'));
      return Promise.resolve(state.sources);
    },
  },
}));
// electron-log/main needs Electron itself; the main logging module is tested for what it adds.
vi.mock('electron-log/main', async () => (await import('electron-log/node')).default);

const { ElectronScreenSource } = await import('../../electron/main/screen-capture');

/** A 2x1 BGRA thumbnail like desktopCapturer's NativeImage. */
const image = (empty = false) => ({
  isEmpty: () => empty,
  getSize: () => (empty ? { width: 0, height: 0 } : { width: 2, height: 1 }),
  toBitmap: () => Buffer.from([1, 2, 3, 255, 4, 5, 6, 255]),
  resize: () => ({ toJPEG: () => Buffer.from([0xff, 0xd8]), getSize: () => ({ width: 2, height: 1 }) }),
});

describe('ElectronScreenSource (desktopCapturer in main)', () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
  const setPlatform = (p: string) => Object.defineProperty(process, 'platform', { value: p });
  beforeEach(() => {
    state.access = 'granted';
    state.fail = false;
    state.sources = [];
  });
  afterEach(() => Object.defineProperty(process, 'platform', platform));

  it('captures every screen at its native size, in display order, BGRA turned to RGBA, with a JPEG preview', async () => {
    setPlatform('linux');
    state.sources = [
      { display_id: '8', thumbnail: image() },
      { display_id: '7', thumbnail: image() },
    ];
    const frames = await new ElectronScreenSource().capture();
    expect(state.requested).toMatchObject({ types: ['screen'], fetchWindowIcons: false });
    expect(frames.map((f) => f.index)).toEqual([0, 1]);
    expect(frames[0]).toMatchObject({ width: 2, height: 1, preview: { mime: 'image/jpeg' } });
    expect(Array.from(frames[0]!.data.slice(0, 4))).toEqual([3, 2, 1, 255]);
  });

  it('macOS with screen recording denied: permission-denied, before asking for sources', async () => {
    setPlatform('darwin');
    state.access = 'denied';
    state.requested = null;
    await expect(new ElectronScreenSource().capture()).rejects.toMatchObject({ code: 'capture.permission-denied' });
    expect(state.requested).toBeNull();
  });

  it('no capture backend (Wayland without the portal): unavailable; only empty images: unavailable', async () => {
    setPlatform('linux');
    state.fail = true;
    await expect(new ElectronScreenSource().capture()).rejects.toMatchObject({
      code: 'capture.unavailable',
      params: { reason: 'no-backend' },
    });
    state.fail = false;
    state.sources = [{ display_id: '7', thumbnail: image(true) }];
    await expect(new ElectronScreenSource().capture()).rejects.toMatchObject({ code: 'capture.unavailable' });
  });
});

describe('setupLogging (main)', () => {
  it('logs the page console errors and warnings under the renderer scope, redacted; not its info', async () => {
    const { setupLogging } = await import('../../electron/main/logging');
    const lines: [LogLevel, LogScope, unknown[]][] = [];
    const fileLog = setupLogging();
    const restore = setLogSink((level, scope, args) => lines.push([level, scope, args]));
    try {
      expect(fileLog.folder).toBe('/tmp/flex-user-data/logs');
      const contents = new EventEmitter();
      state.appHandlers.get('web-contents-created')!({}, contents);
      contents.emit('console-message', {
        level: 'error',
        message: 'Uncaught TypeError at otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJBSWY3DP',
        sourceId: 'app://renderer/a.js',
        lineNumber: 3,
      });
      contents.emit('console-message', { level: 'warning', message: 'slow' });
      contents.emit('console-message', { level: 'info', message: 'hello' });
      expect(lines.map(([level, scope]) => [level, scope])).toEqual([
        ['error', 'renderer'],
        ['warn', 'renderer'],
      ]);
      expect(JSON.stringify(lines)).not.toContain('JBSWY3DP');
    } finally {
      restore();
      fileLog.dispose();
    }
  });
});
