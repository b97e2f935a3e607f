import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionServices } from '../../../electron/core/session';
import { DEMO } from '../../e2e/support/demo-accounts';
import { startServices, startTestMock, type TestMock } from './harness';

const PASSWORD = 'Sommar-2026!';
const KARIN = DEMO.twoFactor.email;
const LENA = DEMO.push.email;

/**
 * Issue 10, item 3: signed in as karin, opening lena's one-time sign-in link left the app signed in
 * as lena with no question, and karin's session stayed valid on the server.
 */
describe('a link or sign-in for another account while signed in', () => {
  let mock: TestMock;
  let services: SessionServices;

  const lastLink = async (to: string, action: string) => {
    const link = (await mock.outbox(to))
      .flatMap((m) => m.links)
      .filter((l) => l.action === action)
      .at(-1);
    return new URL(link?.url ?? 'x:').searchParams.get('token') ?? '';
  };
  async function emailedLink(email: string, kind: 'reset' | 'magic') {
    await services.recovery.humanCheck();
    await services.recovery.forgotPassword(email, kind, 'en');
    return lastLink(email, kind === 'magic' ? 'magic-link' : 'reset-password');
  }
  async function signInAsKarin() {
    await services.recovery.resetPassword(await emailedLink(KARIN, 'reset'), PASSWORD);
    await services.session.discover(KARIN, false);
    await services.session.password(PASSWORD);
    const state = services.session.internal;
    if (state.step !== 'signed-in' || !state.connectToken) throw new Error('karin is not signed in');
    return state.connectToken;
  }
  /** Whether the server still honours a Connect session token. */
  async function honoured(token: string) {
    const res = await fetch(new URL('/connect/me', mock.url), { headers: { Authorization: `Bearer ${token}` } });
    return res.status === 200;
  }
  const signedInAs = () => {
    const s = services.session.internal;
    return s.step === 'signed-in' ? s.user.email : null;
  };

  beforeEach(async () => {
    mock = await startTestMock();
    services = startServices(mock.url);
    services.session.setServer({ kind: 'embedded' });
  });
  afterEach(async () => {
    services.close();
    await mock.close();
  });

  it('a magic link for lena is refused with session.other-account { current, next }; the session and the link stay as they were', async () => {
    const karinToken = await signInAsKarin();
    const token = await emailedLink(LENA, 'magic');
    await expect(services.session.magicLink(token)).rejects.toMatchObject({
      code: 'session.other-account',
      params: { current: KARIN, next: LENA },
    });
    expect(signedInAs()).toBe(KARIN);
    expect(await honoured(karinToken)).toBe(true);

    // Confirmed: karin is signed out on the server, and the same link (unused so far) signs lena in.
    const { view } = await services.session.magicLink(token, true);
    expect(view.state).toMatchObject({ step: 'signed-in', user: { email: LENA } });
    expect(await honoured(karinToken)).toBe(false);
  });

  it('a magic link for the signed-in account itself needs no question, and the old session ends on the server', async () => {
    const karinToken = await signInAsKarin();
    const { view } = await services.session.magicLink(await emailedLink(KARIN, 'magic'));
    expect(view.state).toMatchObject({ step: 'signed-in', user: { email: KARIN } });
    expect(await honoured(karinToken)).toBe(false);
  });

  it('a reset link for lena asks too; confirmed, karin is signed out before lena sets her password', async () => {
    const karinToken = await signInAsKarin();
    const token = await emailedLink(LENA, 'reset');
    await expect(services.recovery.resetInspect(token)).rejects.toMatchObject({
      code: 'session.other-account',
      params: { current: KARIN, next: LENA },
    });
    expect(signedInAs()).toBe(KARIN);
    expect((await services.recovery.resetInspect(token, true)).email).toBe(LENA);
    expect(services.session.internal.step).toBe('signed-out');
    expect(await honoured(karinToken)).toBe(false);
  });

  it('completing a reset link for lena while signed in as karin is refused without the question too (only reset.info asked)', async () => {
    const karinToken = await signInAsKarin();
    const token = await emailedLink(LENA, 'reset');
    await expect(services.recovery.resetPassword(token, 'Ny-losen-2026!')).rejects.toMatchObject({
      code: 'session.other-account',
      params: { current: KARIN, next: LENA },
    });
    expect(signedInAs()).toBe(KARIN);
    expect(await honoured(karinToken)).toBe(true);
    // The link was not used by asking: confirmed through reset.info, it sets lena's password.
    await services.recovery.resetInspect(token, true);
    await expect(services.recovery.resetPassword(token, 'Ny-losen-2026!')).resolves.toBeUndefined();
  });

  it('a new email (or SSO) sign-in for another account while signed in is refused without confirmation', async () => {
    await signInAsKarin();
    await expect(services.session.discover(DEMO.sso.email, false)).rejects.toMatchObject({
      code: 'session.other-account',
      params: { current: KARIN, next: DEMO.sso.email },
    });
    expect(signedInAs()).toBe(KARIN);
    const v = await services.session.discover(DEMO.sso.email, false, true);
    expect(v.state).toMatchObject({ step: 'sso', email: DEMO.sso.email });
    await expect(services.session.legacySignIn(DEMO.legacy.userId, DEMO.legacy.password)).resolves.toMatchObject({
      state: { step: 'signed-in' },
    });
  });
});
