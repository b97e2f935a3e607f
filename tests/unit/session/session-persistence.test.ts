import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { MemoryCredentialStore } from '../../../electron/core/session/credential-store';
import type { SessionServices } from '../../../electron/core/session';
import { RESTORE_TIMEOUT_MS } from '../../../electron/core/session/session-persistence';
import { startIdentityMock } from '../../../electron/mock/start';
import { DEMO } from '../../e2e/support/demo-accounts';
import { startServices, startTestMock, type TestMock } from './harness';

const PASSWORD = 'Sommar-2026!';
const HOUR = 3600_000;

/** Lists every key a MemoryCredentialStore holds (the class keeps them in a protected map). */
class InspectableStore extends MemoryCredentialStore {
  keys(): string[] {
    return [...this.values.keys()];
  }
  sessionEntries(): string[] {
    return this.keys().filter((k) => k.startsWith('signed-in-session.'));
  }
}

/**
 * Staying signed in across a restart: a "restart" is a second createSessionServices on the same
 * settings (app.db) and the same credential store (the keychain), against the real identity mock.
 */
describe('the signed-in session across a restart', () => {
  let mock: TestMock;
  let db: ReturnType<typeof openDatabase>;
  let settings: SettingsStore;
  let credentials: InspectableStore;
  const running: SessionServices[] = [];

  const control = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => mock.control<T>(method, path, body);

  /** One run of the app; `fetchImpl` stands in for the network where a test needs it down. */
  function start(fetchImpl?: typeof fetch, embeddedServerUrl = mock.url): SessionServices {
    const services = startServices(embeddedServerUrl, { settings, credentials, ...(fetchImpl ? { fetchImpl } : {}) });
    running.push(services);
    return services;
  }

  async function restart(fetchImpl?: typeof fetch): Promise<SessionServices> {
    running.at(-1)?.close();
    const next = start(fetchImpl);
    await next.session.restore();
    return next;
  }

  async function legacySignIn(): Promise<SessionServices> {
    const services = start();
    services.session.setServer({ kind: 'embedded' });
    await services.session.legacySignIn(DEMO.legacy.userId, DEMO.legacy.password);
    return services;
  }

  async function connectSignIn(email: string): Promise<SessionServices> {
    const services = start();
    services.session.setServer({ kind: 'embedded' });
    const { session } = services;
    await services.recovery.humanCheck();
    await services.recovery.forgotPassword(email, 'reset', 'en');
    const messages = await mock.outbox(email);
    const link = messages.flatMap((m) => m.links).find((l) => l.action === 'reset-password');
    await services.recovery.resetPassword(new URL(link?.url ?? 'x:').searchParams.get('token') ?? '', PASSWORD);
    await session.discover(email, false);
    await session.password(PASSWORD);
    return services;
  }

  beforeEach(async () => {
    mock = await startTestMock();
    db = openDatabase(':memory:', appMigrations);
    settings = new SettingsStore(db);
    credentials = new InspectableStore();
  });
  afterEach(async () => {
    for (const s of running.splice(0)) s.close();
    await mock.close();
    db.close();
  });

  it('a legacy HRM session is restored, checked with the server, and works for HRM calls', async () => {
    const first = await legacySignIn();
    const token = first.session.hrmToken();
    expect(credentials.sessionEntries()).toEqual(['signed-in-session.embedded']);

    const next = await restart();
    expect(next.session.view().state).toEqual({
      step: 'signed-in',
      offerTwoFactor: false,
      newEmergencyCode: null,
      user: {
        name: DEMO.legacy.name,
        email: null,
        userId: DEMO.legacy.userId,
        company: DEMO.legacy.company,
        method: 'legacy',
        role: 'employee',
      },
    });
    expect(next.session.hrmToken()).toBe(token);
    expect((await next.preparation.state()).name).toBe(DEMO.legacy.name);
    // The token lives in the credential store only: not in app.db, not in the view.
    const rows = db.prepare('SELECT key, value FROM settings').all();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(next.session.view())).not.toContain(token);
  });

  it('a Connect session (with its HRM session after the cutover) is restored with both tokens', async () => {
    const first = await connectSignIn(DEMO.twoFactor.email);
    expect(first.session.view().state).toMatchObject({ step: 'signed-in', offerTwoFactor: true });
    const [connectToken, hrmToken] = [first.session.connectToken(), first.session.hrmToken()];

    const next = await restart();
    expect(next.session.view().state).toEqual({
      step: 'signed-in',
      offerTwoFactor: false,
      newEmergencyCode: null,
      user: {
        name: DEMO.twoFactor.name,
        email: DEMO.twoFactor.email,
        userId: expect.any(String) as unknown,
        company: DEMO.twoFactor.company,
        method: 'connect',
        role: 'employee',
      },
    });
    expect([next.session.connectToken(), next.session.hrmToken()]).toEqual([connectToken, hrmToken]);
    expect((await next.account.overview()).profile.email).toBe(DEMO.twoFactor.email);
  });

  it('a session past its 8 hours on the server is dropped and stays signed out', async () => {
    await legacySignIn();
    await control('POST', '/test/clock/advance', { ms: 8 * HOUR + 1000 });
    const next = await restart();
    expect(next.session.view().state.step).toBe('signed-out');
    expect(credentials.sessionEntries()).toEqual([]);
  });

  it('a session the server ended is dropped at the next start', async () => {
    const first = await connectSignIn(DEMO.twoFactor.email);
    // Signed out on the server side (as another client or an administrator would).
    const res = await fetch(new URL('/connect/sign-out', mock.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${first.session.connectToken()}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const next = await restart();
    expect(next.session.view().state.step).toBe('signed-out');
    expect(credentials.sessionEntries()).toEqual([]);
  });

  it('any call answered "invalid session" forgets the stored session, and it is not stored again', async () => {
    const first = await legacySignIn();
    await fetch(new URL('/hrm/sign-out', mock.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${first.session.hrmToken()}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    await expect(first.preparation.state()).rejects.toMatchObject({ code: 'session.ended' });
    expect(credentials.sessionEntries()).toEqual([]);
    // The user is signed out with the reason (issue 14), on the form they had used, not left on a dead home.
    expect(first.session.view().state).toEqual({ step: 'signed-out', ended: 'legacy' });
    expect(() => first.session.twoFactorDone()).toThrow();
    expect(credentials.sessionEntries()).toEqual([]);
  });

  it('sign-out removes the stored session', async () => {
    const first = await legacySignIn();
    await first.session.signOut();
    expect(credentials.sessionEntries()).toEqual([]);
    expect((await restart()).session.view().state.step).toBe('signed-out');
  });

  it('a server change removes the stored session, and nothing comes back on the old server', async () => {
    const first = await legacySignIn();
    first.session.setServer({ kind: 'custom', url: 'http://127.0.0.1:9/' });
    expect(credentials.sessionEntries()).toEqual([]);
    first.session.setServer({ kind: 'embedded' });
    expect((await restart()).session.view().state.step).toBe('signed-out');
  });

  it("never restores one server's session on another server, nor sends it the token", async () => {
    const other = await startIdentityMock({ port: 0, dataFile: ':memory:' });
    try {
      const first = start();
      first.session.setServer({ kind: 'custom', url: mock.url });
      await first.session.legacySignIn(DEMO.legacy.userId, DEMO.legacy.password);
      const token = first.session.hrmToken();
      expect(credentials.sessionEntries()).toEqual([`signed-in-session.${mock.url.replace(/\/?$/, '/')}`]);
      first.close();

      // The same app.db and keychain, but app.db now names the other server (no setServer: that
      // would delete the entry, as it should; this is a profile copied or edited by hand).
      settings.write('session.server', { kind: 'custom', url: other.url.replace(/\/?$/, '/') });
      const sent: string[] = [];
      const recording: typeof fetch = (input, init) => {
        sent.push(new Headers(init?.headers).get('authorization') ?? '');
        return fetch(input, init);
      };
      const next = start(recording);
      await next.session.restore();
      expect(next.session.view().state.step).toBe('signed-out');
      expect(sent.some((h) => h.includes(token))).toBe(false);
      // The first server's entry is still there for when the user switches back by hand.
      expect(credentials.sessionEntries()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('an unreachable server signs nobody in but keeps the session for the next start', async () => {
    await legacySignIn();
    const down: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    const offline = await restart(down);
    expect(offline.session.view().state.step).toBe('signed-out');
    expect(credentials.sessionEntries()).toHaveLength(1);
    expect((await restart()).session.view().state.step).toBe('signed-in');
  });

  it('a server that does not answer holds the start for the short timeout only', async () => {
    await legacySignIn();
    // Answers nothing until the request is aborted, as a black-holed connection would.
    const silent: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)));
    const started = performance.now();
    const next = await restart(silent);
    const elapsed = performance.now() - started;
    expect(next.session.view().state.step).toBe('signed-out');
    expect(elapsed).toBeGreaterThanOrEqual(RESTORE_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(RESTORE_TIMEOUT_MS + 1500);
    expect(credentials.sessionEntries()).toHaveLength(1);
  });
});
