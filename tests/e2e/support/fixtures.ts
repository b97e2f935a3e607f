import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server';
import { KeytarSecretStore } from '../../../electron/core/secrets/keytar-secret-store';
import { electronBinary } from '../../../scripts/electron-binary.mjs';

/**
 * Which host the e2e suite drives (one switch for every spec):
 * - `browser` (the default): the browser host serves the renderer to Chromium over HTTP, in
 *   this process, so a test can also reach the core directly (`app.host.core`);
 * - `electron`: the real app, started with Playwright's `_electron.launch` from the built `out/`,
 *   with a fresh `--user-data-dir`, a private keychain service and the mock's test control turned on
 *   by environment variables (FLEX_KEYCHAIN_SERVICE, FLEX_TEST_CONTROL_TOKEN, FLEX_MOCK_PORT; main
 *   honours them only when not packaged). `page` is then the app's window.
 */
export type E2EHostKind = 'browser' | 'electron';
export const E2E_HOST: E2EHostKind = process.env.FLEX_E2E_HOST === 'electron' ? 'electron' : 'browser';
export const NO_ELECTRON_REASON =
  'FLEX_E2E_HOST=electron needs the Electron binary, which is not installed here (its download host is unreachable); the browser host runs the same renderer and core.';

export interface HostHandle {
  host: BrowserHost;
  dataDir: string;
  keychainService: string;
  /** Stops the host and starts a new one on the same profile, as a user restarting the app would. */
  restart(): Promise<BrowserHost>;
}

interface HostDriver {
  start(): Promise<BrowserHost>;
  /** The page the test drives: Playwright's page (browser) or the app window (electron). */
  page(fallback: Page): Page;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

function browserDriver(dataDir: string, keychainService: string, testControlToken: string): HostDriver {
  return { start: () => startBrowserHost({ dataDir, keychainService, testControlToken }), page: (fallback) => fallback };
}

/**
 * The Electron leg. Tests reach the core only through the contract, as the page does: `core`
 * answers `dispatch` and the few calls the specs and this fixture make (vault.listAccounts/deleteAccount,
 * credentials.clear) by invoking the page's bridge. Other core members do not exist there.
 */
function electronDriver(binary: string, dataDir: string, keychainService: string, testControlToken: string): HostDriver {
  let app: ElectronApplication | null = null;
  let window: Page | null = null;
  return {
    async start() {
      const mockPort = await freePort();
      app = await _electron.launch({
        executablePath: binary,
        args: ['.', `--user-data-dir=${dataDir}`],
        env: {
          ...process.env,
          FLEX_KEYCHAIN_SERVICE: keychainService,
          FLEX_TEST_CONTROL_TOKEN: testControlToken,
          FLEX_MOCK_PORT: String(mockPort),
        },
      });
      window = await app.firstWindow();
      const page = window;
      const dispatch = (channel: string, payload: unknown) =>
        page.evaluate(
          ([c, p]) => (globalThis as unknown as { flex: { invoke(c: string, p: unknown): Promise<unknown> } }).flex.invoke(c, p),
          [channel, payload] as const,
        );
      const core = {
        dispatch,
        vault: {
          list: async () => ((await dispatch('vault.listAccounts', {})) as { value: unknown }).value,
          delete: (id: string) => dispatch('vault.deleteAccount', { id }),
        },
        // The app is still running: its credentials are cleared in the keychain under their service.
        credentials: {
          clear: async () => {
            const store = new KeytarSecretStore(`${keychainService} credentials`);
            for (const { key } of await store.list()) await store.delete(key);
          },
        },
      };
      const launched = app;
      return {
        url: 'app://renderer/index.html',
        origin: 'app://renderer',
        token: '',
        core,
        mock: { url: `http://127.0.0.1:${mockPort}`, testControlToken },
        close: () => launched.close(),
      } as unknown as BrowserHost;
    },
    page: () => window!,
  };
}

/**
 * Each test gets a fresh profile directory and its own keychain service name (Element's fixture
 * does the same with profile dirs), so tests never see each other's accounts.
 */
export const test = base.extend<{ app: HostHandle; hostDriver: HostDriver }>({
  // Playwright's idiom for a fixture that needs no other fixture.
  // eslint-disable-next-line no-empty-pattern
  hostDriver: async ({}, use, testInfo) => {
    const binary = E2E_HOST === 'electron' ? electronBinary() : null;
    testInfo.skip(E2E_HOST === 'electron' && !binary, NO_ELECTRON_REASON);
    const dataDir = mkdtempSync(join(tmpdir(), 'flex-e2e-'));
    const keychainService = `Flex HRM Connect e2e ${randomUUID()}`;
    const testControlToken = randomUUID();
    const driver = binary
      ? electronDriver(binary, dataDir, keychainService, testControlToken)
      : browserDriver(dataDir, keychainService, testControlToken);
    await use(Object.assign(driver, { dataDir, keychainService }));
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ hostDriver }, use) => {
    const { dataDir, keychainService } = hostDriver as HostDriver & { dataDir: string; keychainService: string };
    const handle: HostHandle = {
      host: await hostDriver.start(),
      dataDir,
      keychainService,
      async restart() {
        await handle.host.close();
        handle.host = await hostDriver.start();
        return handle.host;
      },
    };
    await use(handle);
    // Leave the keychain as we found it.
    const list = await handle.host.core.vault.list();
    for (const a of list.accounts) await handle.host.core.vault.delete(a.id);
    await handle.host.core.credentials.clear();
    await handle.host.close();
  },
  // In Electron the page is the app's own window; in the browser, Playwright's page.
  page: async ({ page, app: _app, hostDriver }, use) => {
    await use(hostDriver.page(page));
  },
});

export { expect } from '@playwright/test';
