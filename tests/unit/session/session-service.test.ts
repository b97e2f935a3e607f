import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import type { SessionView } from '@shared/contract';
import type { SessionServices } from '../../../electron/core/session';
import { DEMO } from '../../e2e/support/demo-accounts';
import { startServices, startTestMock, type TestMock } from './harness';

const PASSWORD = 'Sommar-2026!';

/** The session service against the real identity mock, in-process, over real HTTP. */
describe('SessionService against the identity mock', () => {
  let mock: TestMock;
  let services: SessionServices;
  let changes: SessionView[];
  let pushIds: string[];

  const control = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => mock.control<T>(method, path, body);
  const outbox = (to: string) => mock.outbox(to);
  const lastLink = async (to: string, action: string) => {
    const link = (await outbox(to))
      .flatMap((m) => m.links)
      .filter((l) => l.action === action)
      .at(-1);
    return new URL(link?.url ?? 'x:').searchParams.get('token') ?? '';
  };
  const now = () => mock.now();
  const until = async (cond: () => boolean) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(cond()).toBe(true);
  };

  async function setPassword(email: string) {
    await services.recovery.humanCheck();
    await services.recovery.forgotPassword(email, 'reset', 'en');
    const token = await lastLink(email, 'reset-password');
    expect((await services.recovery.resetInspect(token)).policy.minLength).toBeGreaterThanOrEqual(8);
    await services.recovery.resetPassword(token, PASSWORD);
    return token;
  }

  async function signIn(email: string) {
    await services.session.discover(email, false);
    return services.session.password(PASSWORD);
  }

  beforeEach(async () => {
    mock = await startTestMock();
    changes = [];
    pushIds = [];
    services = startServices(mock.url, {
      onSessionChange: (v) => changes.push(v),
      onPushRequest: (id) => pushIds.push(id),
      pushPollMs: 50,
    });
  });
  afterEach(async () => {
    services.close();
    await mock.close();
  });

  it('asks for a server on first run and remembers the choice and the saved email', async () => {
    const { session } = services;
    expect(session.view().server).toEqual({ kind: 'embedded', url: null, configured: false });
    expect(() => session.setServer({ kind: 'custom', url: 'http://example.com' })).toThrow(
      expect.objectContaining({ code: 'session.invalid-url' }),
    );
    session.setServer({ kind: 'embedded' });
    expect(session.view().server.configured).toBe(true);
    const v = await session.discover(DEMO.firstLogin.email.toUpperCase(), true);
    expect(v.state).toEqual({ step: 'password', email: DEMO.firstLogin.email });
    expect(v.savedEmail).toBe(DEMO.firstLogin.email);
  });

  it('first sign-in through a reset link; wrong password and used link refused; no token reaches the view', async () => {
    const used = await setPassword(DEMO.firstLogin.email);
    await services.session.discover(DEMO.firstLogin.email, false);
    await expect(services.session.password('Wrong-Password-1!')).rejects.toMatchObject({ code: 'session.invalid-credentials' });
    const v = await services.session.password(PASSWORD);
    expect(v.state).toMatchObject({ step: 'signed-in', offerTwoFactor: true, user: { name: DEMO.firstLogin.name, method: 'connect' } });
    expect(JSON.stringify(v)).not.toMatch(/token|ticket/i);
    // The outbox no longer shows the spent link; the token as it was emailed is refused.
    await expect(services.recovery.resetInspect(used)).rejects.toMatchObject({ code: 'session.link-used' });
    expect((await services.session.signOut()).state.step).toBe('signed-out');
  });

  it('a reset link older than 24 hours is refused', async () => {
    await services.recovery.humanCheck();
    await services.recovery.forgotPassword(DEMO.twoFactor.email, 'reset', 'sv');
    const token = await lastLink(DEMO.twoFactor.email, 'reset-password');
    await control('POST', '/test/clock/advance', { ms: 24 * 3600_000 + 1000 });
    await expect(services.recovery.resetPassword(token, PASSWORD)).rejects.toMatchObject({ code: 'session.link-expired' });
  });

  it('forgot password needs the human check', async () => {
    await expect(services.recovery.forgotPassword(DEMO.twoFactor.email, 'reset', 'en')).rejects.toMatchObject({
      code: 'session.human-check',
    });
  });

  it('TOTP enrolment, then 2FA at sign-in with TOTP (replay refused) and the emergency code (re-issued)', async () => {
    const { session, enrolment } = services;
    await setPassword(DEMO.twoFactor.email);
    await signIn(DEMO.twoFactor.email);
    enrolment.begin('sign-in');
    const qr = (await enrolment.go('totp-qr')).setup?.qr;
    expect(qr?.qrDataUrl).toMatch(/^data:image\//);
    const totp = new TOTP({ secret: Secret.fromBase32((qr?.manualKey ?? '').replace(/\s/g, '')), digits: 6, period: 30 });
    await enrolment.go('totp-code');
    await expect(enrolment.totpConfirm('000000')).rejects.toMatchObject({
      code: 'session.wrong-code',
      params: { attemptsLeft: expect.any(Number) as unknown },
    });
    await enrolment.totpConfirm(totp.generate({ timestamp: await now() }));
    const emergency = (await enrolment.go('emergency')).setup?.emergencyCode ?? '';
    expect((await enrolment.finish()).state).toMatchObject({ step: 'signed-in', offerTwoFactor: false });
    await session.signOut();

    await control('POST', '/test/clock/advance', { ms: 30_000 });
    const mfa = await signIn(DEMO.twoFactor.email);
    expect(mfa.state).toMatchObject({ step: 'mfa', method: 'totp' });
    const code = totp.generate({ timestamp: await now() });
    expect((await session.mfaVerify(code, false)).view.state.step).toBe('signed-in');
    await session.signOut();
    await signIn(DEMO.twoFactor.email);
    await expect(session.mfaVerify(code, false)).rejects.toMatchObject({ code: 'session.reused-code' });

    await session.mfaChoose('emergency');
    const used = await session.mfaVerify(emergency, false);
    expect(used.newEmergencyCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){4}$/);
    expect(used.newEmergencyCode).not.toBe(emergency);
  });

  it("push enrolment into this app's authenticator and push sign-in with number matching", async () => {
    const { session, enrolment, push } = services;
    await setPassword(DEMO.push.email);
    await signIn(DEMO.push.email);
    enrolment.begin('sign-in');
    const consent = (await enrolment.pushLocal()).setup;
    expect(consent).toMatchObject({ step: 'consent', email: DEMO.push.email });
    expect(consent?.verificationCode).toMatch(/^[A-Z0-9]+$/);
    expect((await enrolment.pushConsent(true)).setup?.step).toBe('sms');
    await session.signOut();

    const v = await signIn(DEMO.push.email);
    expect(v.state).toMatchObject({ step: 'mfa', method: 'push', pushState: 'pending' });
    const number = v.state.step === 'mfa' ? v.state.pushNumber : null;
    await until(() => pushIds.length === 1);
    const [request] = push.list();
    expect(request?.choices).toContain(number);
    await push.respond(request?.id ?? '', true, number ?? '');
    await until(() => changes.at(-1)?.state.step === 'signed-in');
    await session.signOut();

    await signIn(DEMO.push.email);
    await until(() => pushIds.length === 2);
    await push.respond(pushIds[1] ?? '', false, '');
    await until(() => changes.at(-1)?.state.step === 'mfa' && changes.at(-1)?.state.step === 'mfa');
    expect(changes.at(-1)?.state).toMatchObject({ step: 'mfa', pushState: 'denied' });
  });

  it('locks the account after repeated wrong passwords and says for how long', async () => {
    await setPassword(DEMO.twoFactor.email);
    await services.session.discover(DEMO.twoFactor.email, false);
    let last: unknown;
    for (let i = 0; i < 9; i++) {
      last = await services.session.password(`Wrong-Password-${i}!`).catch((e: unknown) => e);
      if ((last as { code?: string }).code === 'session.locked') break;
    }
    expect(last).toMatchObject({ code: 'session.locked', params: { minutes: 30 } });
  });
});
