import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import type { SessionServices } from '../../../electron/core/session';
import { startServices, startTestMock, type TestMock } from './harness';

const HRM_PASSWORD = 'Demo1234!';
const CONNECT_PASSWORD = 'Connect-2025!';
const JOHAN_TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** AdminService and AccountService against the real identity mock, in-process, over real HTTP. */
describe('AdminService and AccountService against the identity mock', () => {
  let mock: TestMock;
  let services: SessionServices;

  /** A call to the mock's HRM / Connect API as a client other than the app would make it. */
  const request = async <T>(method: string, path: string, opts: { body?: unknown; token?: string } = {}): Promise<T> => {
    const headers: Record<string, string> = {};
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    const res = await fetch(new URL(path, mock.url), { method, headers, body: opts.body === undefined ? null : JSON.stringify(opts.body) });
    const json = (await res.json()) as { ok: boolean; value: T; error?: unknown };
    if (!json.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.error)}`);
    return json.value;
  };
  const outbox = (to: string) => mock.outbox(to);
  const advance = (ms: number) => mock.advance(ms);
  const now = () => mock.now();

  /** What a user does in the banner flow (seed 003), over HTTP: sign in, send a code, optionally verify it. */
  async function prepare(userId: string, email: string, verify: boolean): Promise<void> {
    const { token } = await request<{ token: string }>('POST', '/hrm/sign-in', { body: { userId, password: HRM_PASSWORD } });
    await request('POST', '/hrm/preparation/send-code', { token, body: { email } });
    if (!verify) return;
    const code = /\b(\d{6})\b/.exec((await outbox(email))[0]?.text ?? '')?.[1] ?? '';
    await request('POST', '/hrm/preparation/verify', { token, body: { code } });
  }

  beforeEach(async () => {
    mock = await startTestMock();
    services = startServices(mock.url, { pushPollMs: 50 });
    services.session.setServer({ kind: 'embedded' });
  });
  afterEach(async () => {
    services.close();
    await mock.close();
  });

  it('carries the HRM role in the session view: legacy and Connect after cutover; null without an HRM session', async () => {
    const { session } = services;
    expect((await session.legacySignIn('maria', HRM_PASSWORD)).state).toMatchObject({ user: { role: 'admin', method: 'legacy' } });
    expect(session.hrmToken()).toMatch(/.{16,}/);
    await session.signOut();
    expect(() => session.hrmToken()).toThrow(expect.objectContaining({ code: 'session.not-signed-in' }));
    expect((await session.legacySignIn('anna', HRM_PASSWORD)).state).toMatchObject({ user: { role: 'employee' } });
    await session.signOut();
    await session.discover('lena.holm@nordbolaget.se', false);
    expect((await session.password(CONNECT_PASSWORD)).state).toMatchObject({ user: { role: 'admin', method: 'connect' } });
    await session.signOut();
    // A Connect account that is linked to no HRM user: no HRM session, so no role.
    const { humanToken } = await request<{ humanToken: string }>('POST', '/connect/human-check', { body: { notARobot: true } });
    expect(humanToken).toBeTruthy();
    await prepare('anna', 'anna.svensson@gmail.com', true);
    await services.recovery.humanCheck();
    await services.recovery.forgotPassword('anna.svensson@gmail.com', 'reset', 'en');
    const link = (await outbox('anna.svensson@gmail.com')).flatMap((m) => m.links).find((l) => l.action === 'reset-password');
    await services.recovery.resetPassword(new URL(link?.url ?? 'x:').searchParams.get('token') ?? '', 'Sommar-2026!x');
    await session.discover('anna.svensson@gmail.com', false);
    expect((await session.password('Sommar-2026!x')).state).toMatchObject({ user: { role: null, method: 'connect', userId: 'anna' } });
  });

  it('company settings: read, change, and the server refuses a bad domain and SSO without a name', async () => {
    const { session, admin } = services;
    await session.legacySignIn('maria', HRM_PASSWORD);
    const before = await admin.company();
    expect(before).toEqual({
      name: 'Företaget AB',
      identityProvider: 'password',
      ssoProviderName: null,
      emailVerificationRequired: true,
      connectLoginEnabled: false,
      passwordPolicy: 'connect',
      emailDomains: ['foretaget.se'],
    });
    const after = await admin.updateCompany({
      emailVerificationRequired: false,
      passwordPolicy: 'nist',
      emailDomains: [' Foretaget.se', 'foretaget.com', 'foretaget.se'],
    });
    expect(after).toMatchObject({ emailVerificationRequired: false, passwordPolicy: 'nist' });
    expect([...after.emailDomains].sort()).toEqual(['foretaget.com', 'foretaget.se']);
    expect(await admin.updateCompany({ identityProvider: 'sso', ssoProviderName: 'Entra ID' })).toMatchObject({
      identityProvider: 'sso',
      ssoProviderName: 'Entra ID',
    });
    expect(await admin.updateCompany({ identityProvider: 'password' })).toMatchObject({
      identityProvider: 'password',
      ssoProviderName: null,
    });
    await expect(admin.updateCompany({ emailDomains: ['not a domain'] })).rejects.toMatchObject({
      code: 'field.invalid',
      params: { field: 'emailDomains.0' },
    });
    await expect(admin.updateCompany({ identityProvider: 'sso', ssoProviderName: null })).rejects.toMatchObject({
      code: 'field.invalid',
      params: { field: 'ssoProviderName' },
    });
  });

  it('users with link status; resend is rate limited like the user; remove connection unlinks', async () => {
    const { session, admin } = services;
    await prepare('erik', 'erik.johansson@foretaget.se', false);
    await prepare('anna', 'anna.svensson@foretaget.se', true);
    await session.legacySignIn('maria', HRM_PASSWORD);
    const { users } = await admin.users();
    const status = Object.fromEntries(users.map((u) => [u.userId, [u.status, u.linkedEmail ?? u.pendingEmail]]));
    expect(status).toEqual({
      anna: ['linked', 'anna.svensson@foretaget.se'],
      erik: ['pending', 'erik.johansson@foretaget.se'],
      maria: ['none', null],
    });

    // Erik just had a code sent: the same 1-per-minute limit applies to the admin's resend.
    const limited = await admin.resend('erik').catch((e: unknown) => e);
    expect(limited).toMatchObject({ code: 'admin.rate-limited' });
    expect((limited as { params: { seconds: number } }).params.seconds).toBeGreaterThan(0);
    await advance(61_000);
    const since = await now();
    expect(await admin.resend('erik')).toEqual({ status: 'code-sent', email: 'erik.johansson@foretaget.se' });
    expect((await outbox('erik.johansson@foretaget.se')).filter((m) => m.createdAt >= since)).toHaveLength(1);
    // No pending address: the first verification goes to the user's suggested address.
    expect(await admin.resend('maria')).toEqual({ status: 'code-sent', email: 'maria.lindqvist@foretaget.se' });
    await expect(admin.resend('karin')).rejects.toMatchObject({ code: 'admin.user-not-found' });

    const afterRemove = await admin.removeConnection('anna');
    expect(afterRemove.users.find((u) => u.userId === 'anna')).toMatchObject({ status: 'none', linkedEmail: null });
    expect(JSON.stringify(afterRemove)).not.toMatch(/token/i);
  });

  it('refuses a non-admin and a signed-out user', async () => {
    const { session, admin } = services;
    await expect(admin.company()).rejects.toMatchObject({ code: 'session.not-signed-in' });
    await session.legacySignIn('anna', HRM_PASSWORD);
    await expect(admin.users()).rejects.toMatchObject({ code: 'admin.forbidden' });
    await expect(admin.updateCompany({ connectLoginEnabled: true })).rejects.toMatchObject({ code: 'admin.forbidden' });
  });

  it('the cutover switch: legacy sign-in refused afterwards, Connect sign-in gets an HRM session', async () => {
    const { session, admin } = services;
    await prepare('anna', 'anna.svensson@foretaget.se', true);
    await session.legacySignIn('maria', HRM_PASSWORD);
    // Defect (issue 14): an unlinked admin could switch the company over and lock everyone out, themselves included.
    await expect(admin.updateCompany({ connectLoginEnabled: true })).rejects.toMatchObject({ code: 'admin.self-not-linked' });
    await prepare('maria', 'maria.lindqvist@foretaget.se', true);
    expect(await admin.updateCompany({ connectLoginEnabled: true })).toMatchObject({ connectLoginEnabled: true });
    await session.signOut();
    await expect(session.legacySignIn('anna', HRM_PASSWORD)).rejects.toMatchObject({ code: 'session.use-connect' });
  });

  it('account overview: profile, 2FA methods, recently used devices; remove a factor', async () => {
    const { session, account } = services;
    await expect(account.overview()).rejects.toMatchObject({ code: 'session.not-signed-in' });
    await session.discover('johan.berg@nordbolaget.se', false);
    const mfa = await session.password(CONNECT_PASSWORD);
    expect(mfa.state).toMatchObject({ step: 'mfa', method: 'totp' });
    const totp = new TOTP({ secret: Secret.fromBase32(JOHAN_TOTP), digits: 6, period: 30 });
    await session.mfaVerify(totp.generate({ timestamp: await now() }), false);

    const o = await account.overview();
    expect(o.profile).toEqual({ name: 'Johan Berg', email: 'johan.berg@nordbolaget.se', hasPassword: true });
    expect(o.twoFactor.enabled).toBe(true);
    expect(o.twoFactor.factors.map((f) => f.kind).sort()).toEqual(['emergency', 'sms', 'totp']);
    expect(o.devices[0]).toMatchObject({ browser: 'Flex HRM Connect desktop', ip: '127.0.0.1' });
    expect(o.hrm).toMatchObject({ userId: 'johan', companyName: 'Nordbolaget AB', connectLoginEnabled: true });
    expect(JSON.stringify(o)).not.toMatch(/secret|JBSWY3DP|token/i);

    const sms = o.twoFactor.factors.find((f) => f.kind === 'sms');
    const next = await account.removeFactor(sms?.id ?? '');
    expect(next.twoFactor.factors.map((f) => f.kind).sort()).toEqual(['emergency', 'totp']);
    await expect(account.removeFactor(sms?.id ?? '')).rejects.toMatchObject({ code: 'account.factor-not-found' });
  });
});
