import { test as base, expect } from './fixtures';
import { MockControl } from './mock-control';

/**
 * The app fixture plus the embedded identity mock's test control. The browser host starts the
 * mock with a per-run test-control token and exposes it as `host.mock`.
 */
export const test = base.extend<{ mock: MockControl }>({
  mock: async ({ app }, use) => {
    const { url, testControlToken } = app.host.mock;
    if (!testControlToken) throw new Error('The browser host started the identity mock without test control');
    await use(new MockControl(url, testControlToken));
  },
});

export { expect };
