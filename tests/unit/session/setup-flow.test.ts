import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import type { SessionView } from '@shared/contract';
import { openDatabase } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { MemoryCredentialStore } from '../../../electron/core/session/credential-store';
import type { SessionServices } from '../../../electron/core/session';
import { DEMO } from '../../e2e/support/demo-accounts';
import { startServices, startTestMock, type TestMock } from './harness';

const PASSWORD = 'Sommar-2026!';

/**
 * The 2FA set-up and the sign-in's replacement emergency code as flows in main: a "reload" is a
 * fresh `view()` (the renderer keeps nothing), a "restart" a second createSessionServices on the
 * same settings and credential store (the keychain), against the real identity mock.
 */
describe('2FA set-up as a flow in main', () => {
  let mock: TestMock;
  let settings: SettingsStore;
  let credentials: MemoryCredentialStore;
  let changes: SessionView[];
  const running: SessionServices[] = [];

  function start(): SessionServices {
    const s = startServices(mock.url, { settings, credentials, pushPollMs: 50, onSessionChange: (v) => changes.push(v) });
    running.push(s);
    return s;
  }
  async function restart(): Promise<SessionServices> {
    running.at(-1)?.close();
    const next = start();
    await next.session.restore();
    return next;
  }
  const until = async (cond: () => boolean) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(cond()).toBe(true);
  };

  async function signIn(email: string): Promise<SessionServices> {
    const services = start();
    services.session.setServer({ kind: 'embedded' });
    const { session } = services;
    await services.recovery.humanCheck();
    await services.recovery.forgotPassword(email, 'reset', 'en');
    const link = (await mock.outbox(email)).flatMap((m) => m.links).find((l) => l.action === 'reset-password');
    await services.recovery.resetPassword(new URL(link?.url ?? 'x:').searchParams.get('token') ?? '', PASSWORD);
    await session.discover(email, false);
    await session.password(PASSWORD);
    return services;
  }

  beforeEach(async () => {
    mock = await startTestMock();
    settings = new SettingsStore(openDatabase(':memory:', appMigrations));
    credentials = new MemoryCredentialStore();
    changes = [];
  });
  afterEach(async () => {
    for (const s of running.splice(0)) s.close();
    await mock.close();
  });

  it('a reload or a restart after the TOTP code is accepted does not skip the SMS and emergency-code steps', async () => {
    const first = await signIn(DEMO.twoFactor.email);
    const begun = first.enrolment.begin('sign-in').setup;
    expect(begun).toMatchObject({ step: 'start', origin: 'sign-in', email: DEMO.twoFactor.email });
    expect(begun?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(begun?.expiresAt).toBeGreaterThan(Date.now());
    const qr = (await first.enrolment.go('totp-qr')).setup?.qr;
    await first.enrolment.go('totp-code');
    const totp = new TOTP({ secret: Secret.fromBase32((qr?.manualKey ?? '').replace(/\s/g, '')), digits: 6, period: 30 });
    expect((await first.enrolment.totpConfirm(totp.generate({ timestamp: await mock.now() }))).setup?.step).toBe('sms');
    // Reload: the renderer asks again and gets the same step of the same flow.
    expect(first.session.view().setup).toMatchObject({ id: begun?.id, step: 'sms' });

    const second = await restart();
    expect(second.session.view().state).toMatchObject({ step: 'signed-in', offerTwoFactor: false });
    expect(second.session.view().setup).toMatchObject({ id: begun?.id, step: 'sms' });
    const code = (await second.enrolment.go('emergency')).setup?.emergencyCode;
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){4}$/);

    // The shown emergency code stays retrievable until the user confirms it.
    const third = await restart();
    expect(third.session.view().setup).toMatchObject({ step: 'emergency', emergencyCode: code });
    expect((await third.enrolment.finish()).setup).toBeNull();
    expect((await restart()).session.view().setup).toBeNull();
  });

  it('a step that is not next from the current one is refused, and a set-up with a factor on cannot be left', async () => {
    const s = await signIn(DEMO.twoFactor.email);
    s.enrolment.begin('account');
    await expect(s.enrolment.go('totp-code')).rejects.toMatchObject({ code: 'session.expired' });
    expect(s.enrolment.cancel().setup).toBeNull();
    s.enrolment.begin('account');
    const qr = (await s.enrolment.go('totp-qr')).setup?.qr;
    await s.enrolment.go('totp-code');
    const totp = new TOTP({ secret: Secret.fromBase32((qr?.manualKey ?? '').replace(/\s/g, '')), digits: 6, period: 30 });
    await s.enrolment.totpConfirm(totp.generate({ timestamp: await mock.now() }));
    expect(() => s.enrolment.cancel()).toThrow(expect.objectContaining({ code: 'session.setup-unfinished' }));
  });

  it('a phone registering with the shown key through /devices/register moves the set-up to consent (it stayed on "Get started" before)', async () => {
    const s = await signIn(DEMO.push.email);
    s.enrolment.begin('sign-in');
    await s.enrolment.go('phone-download');
    const key = (await s.enrolment.go('phone-qr')).setup?.qr?.manualKey ?? '';
    expect(key.length).toBeGreaterThan(8);
    const res = await fetch(new URL('/devices/register', mock.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ enrolmentCode: key, deviceName: 'Pixel 8', platform: 'android' }),
    });
    const phone = ((await res.json()) as { value: { verificationCode: string } }).value;
    await until(() => changes.at(-1)?.setup?.step === 'consent');
    expect(changes.at(-1)?.setup).toMatchObject({ verificationCode: phone.verificationCode, deviceName: 'Pixel 8' });
    expect((await s.enrolment.pushConsent(true)).setup?.step).toBe('sms');
  });

  it('"Your emergency code has been used": the replacement stays in main, across a restart, until confirmed stored', async () => {
    const s = await signIn(DEMO.twoFactor.email);
    s.enrolment.begin('sign-in');
    const qr = (await s.enrolment.go('totp-qr')).setup?.qr;
    await s.enrolment.go('totp-code');
    const totp = new TOTP({ secret: Secret.fromBase32((qr?.manualKey ?? '').replace(/\s/g, '')), digits: 6, period: 30 });
    await s.enrolment.totpConfirm(totp.generate({ timestamp: await mock.now() }));
    const emergency = (await s.enrolment.go('emergency')).setup?.emergencyCode ?? '';
    await s.enrolment.finish();
    await s.session.signOut();

    await s.session.discover(DEMO.twoFactor.email, false);
    await s.session.password(PASSWORD);
    await s.session.mfaChoose('emergency');
    const { newEmergencyCode } = await s.session.mfaVerify(emergency, false);
    expect(s.session.view().state).toMatchObject({ step: 'signed-in', newEmergencyCode });
    const next = await restart();
    expect(next.session.view().state).toMatchObject({ step: 'signed-in', newEmergencyCode });
    expect(next.session.emergencyCodeStored().state).toMatchObject({ newEmergencyCode: null });
    expect((await restart()).session.view().state).toMatchObject({ newEmergencyCode: null });
  });
});
