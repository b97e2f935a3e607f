import { test as base, expect } from './fixtures';
import { MockControl } from './mock-control';

/**
 * The app fixture plus the embedded identity mock's test control. The browser host starts the
 * mock with a per-run test-control token and exposes it as `host.mock`.
 */
export const test = base.extend<{ mock: MockControl }>({
  mock: async ({ app }, use) => {
    const m = (app.host as unknown as { mock?: { url: string; testControlToken: string } }).mock;
    if (!m) throw new Error('The browser host did not start the identity mock with test control (host.mock)');
    await use(new MockControl(m.url, m.testControlToken));
  },
});

export { expect };
