import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_IPC_CHANNEL } from '@shared/contract';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';

const state = vi.hoisted(() => ({
  appHandlers: new Map<string, (...a: unknown[]) => void>(),
  sandboxed: false,
  permissionRequest: null as null | ((...a: unknown[]) => void),
  permissionCheck: null as null | ((...a: unknown[]) => boolean),
  ipcHandlers: new Map<string, (...a: unknown[]) => unknown>(),
  ipcListeners: new Map<string, (...a: unknown[]) => unknown>(),
  windows: [] as { webContents: { mainFrame: unknown; send: (...a: unknown[]) => void } }[],
  schemes: [] as unknown[],
  protocolHandler: null as null | ((req: Request) => Promise<Response>),
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    enableSandbox: () => (state.sandboxed = true),
    on: (e: string, h: (...a: unknown[]) => void) => state.appHandlers.set(e, h),
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: (...a: unknown[]) => void) => (state.permissionRequest = h),
      setPermissionCheckHandler: (h: (...a: unknown[]) => boolean) => (state.permissionCheck = h),
    },
  },
  ipcMain: {
    handle: (c: string, h: (...a: unknown[]) => unknown) => state.ipcHandlers.set(c, h),
    on: (c: string, h: (...a: unknown[]) => unknown) => state.ipcListeners.set(c, h),
  },
  BrowserWindow: { getAllWindows: () => state.windows },
  protocol: {
    registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s),
    handle: (_scheme: string, h: (req: Request) => Promise<Response>) => (state.protocolHandler = h),
  },
  // The app protocol reads files with net.fetch(file://...): Node's fetch cannot, so read them here.
  net: {
    fetch: async (url: string) => {
      const { readFile } = await import('node:fs/promises');
      const { fileURLToPath } = await import('node:url');
      try {
        return new Response(await readFile(fileURLToPath(url)), { status: 200, headers: { 'content-type': 'text/html' } });
      } catch {
        return new Response('missing', { status: 404 });
      }
    },
  },
}));

const { isAppUrl, setupSecurity, setupSingleInstance } = await import('../../electron/main/security');
const { setupIpc, INVOKE_CHANNEL, LISTEN_CHANNEL } = await import('../../electron/main/ipc');
const { registerAppScheme, setupAppProtocol } = await import('../../electron/main/app-protocol');

describe('security', () => {
  beforeEach(() => state.appHandlers.clear());

  it('isAppUrl: only the app protocol (the dev server is off when packaged)', () => {
    expect(isAppUrl('app://renderer/index.html')).toBe(true);
    expect(isAppUrl('app://renderer/#/settings')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://evil.example/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('nonsense')).toBe(false);
  });

  it('sandboxes, stops navigation and redirects away, denies window.open and webviews', () => {
    setupSecurity();
    expect(state.sandboxed).toBe(true);
    const handlers = new Map<string, (...a: unknown[]) => void>();
    let openHandler: (() => unknown) | null = null;
    const contents = {
      on: (e: string, h: (...a: unknown[]) => void) => handlers.set(e, h),
      setWindowOpenHandler: (h: () => unknown) => (openHandler = h),
    };
    state.appHandlers.get('web-contents-created')!({}, contents);
    for (const [event, url, blocked] of [
      ['will-navigate', 'https://evil.example/', true],
      ['will-navigate', 'app://renderer/index.html#/hrm', false],
      ['will-redirect', 'http://127.0.0.1:1/', true],
    ] as const) {
      const e = { preventDefault: vi.fn() };
      handlers.get(event)!(e, url);
      expect(e.preventDefault).toHaveBeenCalledTimes(blocked ? 1 : 0);
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission but clipboard writing, and that only to the app', async () => {
    setupSecurity();
    await Promise.resolve();
    const answer = (permission: string, url: string) => {
      let granted: boolean | undefined;
      state.permissionRequest!({ getURL: () => url }, permission, (g: boolean) => (granted = g), { requestingUrl: url });
      return granted;
    };
    expect(answer('clipboard-sanitized-write', 'app://renderer/index.html')).toBe(true);
    expect(answer('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const p of ['media', 'display-capture', 'notifications', 'geolocation', 'openExternal'])
      expect(answer(p, 'app://renderer/')).toBe(false);
    expect(state.permissionCheck!(null, 'clipboard-sanitized-write', 'app://renderer')).toBe(true);
    expect(state.permissionCheck!(null, 'media', 'app://renderer')).toBe(false);
  });

  it('one instance: the lock is asked for', () => {
    expect(setupSingleInstance()).toBe(true);
  });
});

describe('IPC sender checks', () => {
  const ourFrame = { url: 'app://renderer/index.html' };
  const dispatch = vi.fn(() => Promise.resolve({ ok: true, value: 'x' }));
  const core = { dispatch, events: { subscribe: vi.fn() } };

  it('answers our window main frame on our page, and refuses any other frame or page', async () => {
    state.windows = [{ webContents: { mainFrame: ourFrame, send: vi.fn() } }];
    setupIpc(core as never);
    const invoke = state.ipcHandlers.get(INVOKE_CHANNEL)!;
    expect(await invoke({ senderFrame: ourFrame }, 'app.getInfo', {})).toEqual({ ok: true, value: 'x' });
    expect(dispatch).toHaveBeenCalledWith('app.getInfo', {});
    dispatch.mockClear();
    const subframe = { url: 'app://renderer/index.html' };
    for (const frame of [subframe, null, { url: 'https://evil.example/' }]) {
      expect(await invoke({ senderFrame: frame }, 'vault.listAccounts', {})).toEqual({
        ok: false,
        error: { code: 'ipc.forbidden-sender' },
      });
    }
    // Our main frame, navigated elsewhere somehow: refused too.
    state.windows = [{ webContents: { mainFrame: { url: 'https://evil.example/' }, send: vi.fn() } }];
    expect(await invoke({ senderFrame: state.windows[0]!.webContents.mainFrame }, 'vault.listAccounts', {})).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('sends core events only to a page of ours that asked to listen, and stops when it reloads', () => {
    const send = vi.fn();
    const contentsHandlers = new Map<string, () => void>();
    const contents = { isDestroyed: () => false, send, on: (e: string, h: () => void) => contentsHandlers.set(e, h) };
    let listener: ((e: string, p: unknown) => void) | undefined;
    const detach = vi.fn();
    const attach = vi.fn((l: (e: string, p: unknown) => void) => {
      listener = l;
      return detach;
    });
    setupIpc({ dispatch, events: { attach } } as never);
    const listen = state.ipcListeners.get(LISTEN_CHANNEL)!;
    listen({ senderFrame: { url: 'https://evil.example/' }, sender: contents });
    expect(attach).not.toHaveBeenCalled();
    state.windows = [{ webContents: { mainFrame: ourFrame, send } }];
    listen({ senderFrame: ourFrame, sender: contents });
    listen({ senderFrame: ourFrame, sender: contents });
    expect(attach).toHaveBeenCalledTimes(1);
    listener!('vault.changed', {});
    expect(send).toHaveBeenCalledWith(EVENT_IPC_CHANNEL, 'vault.changed', {});
    contentsHandlers.get('did-start-loading')!();
    expect(detach).toHaveBeenCalledTimes(1);
  });
});

describe('app protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'flex-proto-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html>app');
  writeFileSync(join(root, 'renderer', 'assets', 'a.js'), 'js');
  writeFileSync(join(root, 'secret.txt'), 'outside');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('registers app: as a standard, secure scheme before ready', () => {
    registerAppScheme();
    expect(state.schemes).toContainEqual({
      scheme: 'app',
      privileges: expect.objectContaining({ standard: true, secure: true }) as unknown,
    });
  });

  it('serves the renderer folder with the CSP, and nothing outside it', async () => {
    setupAppProtocol(join(root, 'renderer'));
    const get = (url: string) => state.protocolHandler!(new Request(url));
    const index = await get('app://renderer/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('app');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://renderer/assets/a.js')).status).toBe(200);
    expect((await get('app://other/index.html')).status).toBe(404);
    // The URL parser already folds a literal %2e%2e segment away: it stays inside the folder.
    expect((await get('app://renderer/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('app://renderer/..%2Fsecret.txt')).status).toBe(403);
    expect((await get(`app://renderer/${encodeURIComponent(pathToFileURL(join(root, 'secret.txt')).pathname)}`)).status).not.toBe(200);
  });
});
