import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { test as base } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server';

export interface HostHandle {
  host: BrowserHost;
  dataDir: string;
  keychainService: string;
  /** Stops the host and starts a new one on the same profile, as a user restarting the app would. */
  restart(): Promise<BrowserHost>;
}

/**
 * Each test gets a fresh profile directory and its own keychain service name (Element's fixture
 * does the same with profile dirs), so tests never see each other's accounts.
 */
export const test = base.extend<{ app: HostHandle }>({
  app: async ({ page: _page }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flex-e2e-'));
    const keychainService = `Flex HRM Connect e2e ${randomUUID()}`;
    const testControlToken = randomUUID();
    const handle: HostHandle = {
      host: await startBrowserHost({ dataDir, keychainService, testControlToken }),
      dataDir,
      keychainService,
      async restart() {
        await handle.host.close();
        handle.host = await startBrowserHost({ dataDir, keychainService, testControlToken });
        return handle.host;
      },
    };
    await use(handle);
    // Leave the keychain as we found it.
    const list = await handle.host.core.vault.list();
    for (const a of list.accounts) await handle.host.core.vault.delete(a.id);
    await handle.host.core.credentials.clear();
    await handle.host.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
