import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionServices } from '../../../electron/core/session';
import { IdentityHttp } from '../../../electron/core/session/identity-http';
import { DEMO } from '../../e2e/support/demo-accounts';
import { startServices, startTestMock, type TestMock } from './harness';

const PASSWORD = 'Sommar-2026!';
const KARIN = DEMO.twoFactor.email;

/**
 * Hardening round 2 (issue 10, own round): a sign-in that completes after the flow it began in has
 * moved on. A double-clicked "Sign in" made two server sessions and kept the last one, leaving the
 * first valid on the server for 8 hours; "Sign out" pressed while a sign-in was in flight was undone
 * when the sign-in answered (the app ended up signed in). A completion for a flow that is no longer
 * current now ends its server session and leaves the state alone.
 */
describe('sign-ins that complete after their flow moved on', () => {
  let mock: TestMock;
  let services: SessionServices;
  /** Every session token the server handed out (Connect and HRM), in order. */
  let issued: string[];

  async function honoured(token: string): Promise<boolean> {
    for (const path of ['/connect/me', '/hrm/me']) {
      const res = await fetch(new URL(path, mock.url), { headers: { Authorization: `Bearer ${token}` } });
      if (res.status === 200) return true;
    }
    return false;
  }
  const liveSessions = async () => (await Promise.all(issued.map(honoured))).filter(Boolean).length;
  const step = () => services.session.internal.step;

  beforeEach(async () => {
    mock = await startTestMock();
    services = startServices(mock.url);
    services.session.setServer({ kind: 'embedded' });
    issued = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this` (call.call(this, ...)).
    const call = IdentityHttp.prototype.call;
    vi.spyOn(IdentityHttp.prototype, 'call').mockImplementation(async function (this: IdentityHttp, name, options) {
      const value = (await call.call(this, name, options)) as Record<string, unknown> | undefined;
      const session = value?.session as { token?: string } | undefined;
      if (session?.token) issued.push(session.token);
      if ((name === 'hrmSignIn' || name === 'hrmSignInConnect') && typeof value?.token === 'string') issued.push(value.token);
      return value as never;
    });
    // Karin's password, set through her reset link.
    await services.recovery.humanCheck();
    await services.recovery.forgotPassword(KARIN, 'reset', 'en');
    const link = (await mock.outbox(KARIN))
      .flatMap((m) => m.links)
      .filter((l) => l.action === 'reset-password')
      .at(-1)!;
    await services.recovery.resetPassword(new URL(link.url).searchParams.get('token')!, PASSWORD);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    services.close();
    await mock.close();
  });

  it('a double-clicked password sign-in leaves one live session on the server (the other stayed valid for 8 hours)', async () => {
    await services.session.discover(KARIN, false);
    const [first, second] = await Promise.all([services.session.password(PASSWORD), services.session.password(PASSWORD)]);
    expect(first.state.step).toBe('signed-in');
    expect(second.state.step).toBe('signed-in');
    expect(issued.length).toBeGreaterThan(1);
    expect(await liveSessions()).toBe(issued.length / 2);
    // Signing out then leaves nothing valid behind.
    await services.session.signOut();
    expect(await liveSessions()).toBe(0);
  });

  it('Sign out pressed while the sign-in is on its way stays signed out, and the late session is ended (was: signed in after Sign out)', async () => {
    await services.session.discover(KARIN, false);
    const signingIn = services.session.password(PASSWORD);
    await services.session.signOut();
    await signingIn;
    expect(step()).toBe('signed-out');
    expect(await liveSessions()).toBe(0);
  });

  it('a double-clicked legacy sign-in leaves one live HRM session', async () => {
    await Promise.all([
      services.session.legacySignIn(DEMO.legacy.userId, DEMO.legacy.password),
      services.session.legacySignIn(DEMO.legacy.userId, DEMO.legacy.password),
    ]);
    expect(step()).toBe('signed-in');
    expect(issued).toHaveLength(2);
    expect(await liveSessions()).toBe(1);
  });
});
