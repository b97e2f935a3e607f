import type { OutboxMessage } from '@shared/identity-api';
import { openDatabase } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { createSessionServices, type SessionServices, type SessionServicesOptions } from '../../../electron/core/session';
import { startIdentityMock } from '../../../electron/mock/start';

/** Opens the mock's test-control routes (outbox, clock); each test file's mock is its own. */
const CONTROL_TOKEN = 'session-tests-control-token';

/** The real identity mock, in-process over real HTTP, with the test-control calls the session tests use. */
export interface TestMock {
  url: string;
  close(): Promise<void>;
  /** A test-control call; throws when the mock refuses it, so a broken set-up fails where it happens. */
  control<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** What the mock has "sent" to an address (emails with their links and codes), oldest first. */
  outbox(to: string): Promise<OutboxMessage[]>;
  /** Moves the mock's clock on. */
  advance(ms: number): Promise<unknown>;
  /** The mock's clock. */
  now(): Promise<number>;
}

export async function startTestMock(): Promise<TestMock> {
  const mock = await startIdentityMock({ port: 0, dataFile: ':memory:', testControlToken: CONTROL_TOKEN });
  const control = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const res = await fetch(new URL(path, mock.url), {
      method,
      headers: { 'x-test-control-token': CONTROL_TOKEN, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const json = (await res.json()) as { ok: boolean; value: T; error?: unknown };
    if (!json.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.error)}`);
    return json.value;
  };
  return {
    url: mock.url,
    close: () => mock.close(),
    control,
    outbox: async (to) =>
      (await control<{ messages: OutboxMessage[] }>('GET', `/test/outbox?recipient=${encodeURIComponent(to)}`)).messages,
    advance: (ms) => control('POST', '/test/clock/advance', { ms }),
    now: async () => (await control<{ now: number }>('GET', '/test/clock')).now,
  };
}

/**
 * The app's HRM / Connect client services against `serverUrl` as the embedded server: fresh
 * in-memory settings and no-op listeners unless a test passes its own.
 */
export function startServices(serverUrl: string, options: Partial<SessionServicesOptions> = {}): SessionServices {
  return createSessionServices({
    settings: new SettingsStore(openDatabase(':memory:', appMigrations)),
    embeddedServerUrl: serverUrl,
    onSessionChange: () => undefined,
    onPushRequest: () => undefined,
    ...options,
  });
}
