import { beforeEach, describe, expect, it, vi } from 'vitest';
import { devRendererUrl, devToolsAllowed } from '../../electron/main/dev-gate';

const state = vi.hoisted(() => ({
  isPackaged: false,
  windows: [] as { options: { webPreferences: { devTools?: boolean } }; url: string }[],
}));
vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return state.isPackaged;
    },
  },
  BrowserWindow: class {
    options: { webPreferences: { devTools?: boolean } };
    constructor(options: { webPreferences: { devTools?: boolean } }) {
      this.options = options;
      state.windows.push({ options, url: '' });
    }
    once() {}
    loadURL(url: string) {
      state.windows[state.windows.length - 1]!.url = url;
      return Promise.resolve();
    }
  },
  shell: { openExternal: vi.fn() },
}));

describe('devRendererUrl', () => {
  it('is ignored in a packaged build', () => {
    expect(devRendererUrl(true, 'http://localhost:5173/')).toBeNull();
  });
  it('accepts only loopback http URLs in development', () => {
    expect(devRendererUrl(false, 'http://localhost:5173/')).toBe('http://localhost:5173/');
    expect(devRendererUrl(false, 'http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
    expect(devRendererUrl(false, 'http://[::1]:5173/')).toBe('http://[::1]:5173/');
    expect(devRendererUrl(false, 'https://localhost:5173/')).toBeNull();
    expect(devRendererUrl(false, 'http://evil.example/')).toBeNull();
    expect(devRendererUrl(false, 'http://localhost.evil.example/')).toBeNull();
    expect(devRendererUrl(false, 'file:///etc/passwd')).toBeNull();
    expect(devRendererUrl(false, 'not a url')).toBeNull();
    expect(devRendererUrl(false, undefined)).toBeNull();
  });
  it('allows dev tools only when not packaged', () => {
    expect(devToolsAllowed(true)).toBe(false);
    expect(devToolsAllowed(false)).toBe(true);
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    state.windows.length = 0;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
  });
  it('packaged: loads the app protocol even with ELECTRON_RENDERER_URL set, without dev tools', async () => {
    state.isPackaged = true;
    const { createMainWindow } = await import('../../electron/main/window');
    createMainWindow('/p.cjs', '/i.png');
    expect(state.windows[0]!.url).toBe('app://renderer/index.html');
    expect(state.windows[0]!.options.webPreferences.devTools).toBe(false);
  });
  it('development: loads the dev server with dev tools', async () => {
    state.isPackaged = false;
    const { createMainWindow } = await import('../../electron/main/window');
    createMainWindow('/p.cjs', '/i.png');
    expect(state.windows[0]!.url).toBe('http://localhost:5173/');
    expect(state.windows[0]!.options.webPreferences.devTools).toBe(true);
  });
});
