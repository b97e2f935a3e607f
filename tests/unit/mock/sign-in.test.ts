import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CONNECT_PASSWORD,
  DEVICE,
  harness,
  hrmSignIn,
  HRM_PASSWORD,
  latestCode,
  MINUTE,
  HOUR,
  connectSignIn,
  type Harness,
} from './helpers';

const KARIN = 'karin.nordin@nordbolaget.se';

describe('Connect discovery and cutover', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('answers by domain only: password, SSO with the provider name, or not yet available', async () => {
    expect(await h.ok('discover', { body: { email: KARIN } })).toEqual({ method: 'password' });
    expect(await h.ok('discover', { body: { email: 'nobody@nordbolaget.se' } })).toEqual({ method: 'password' });
    expect(await h.ok('discover', { body: { email: ' Sara.Molin@Molnet.se ' } })).toEqual({ method: 'sso', providerName: 'Entra ID' });
    expect(await h.ok('discover', { body: { email: 'anna.svensson@foretaget.se' } })).toEqual({ method: 'not-available' });
    expect(await h.ok('discover', { body: { email: 'nobody@foretaget.se' } })).toEqual({ method: 'not-available' });
    // Any other domain: Connect accounts are open to every address; existence is not revealed.
    expect(await h.ok('discover', { body: { email: 'anna.svensson@gmail.com' } })).toEqual({ method: 'password' });
    expect(await h.ok('discover', { body: { email: 'nobody@example.org' } })).toEqual({ method: 'password' });
  });

  it('the admin cutover switches discovery, legacy sign-in and the Connect-to-HRM exchange', async () => {
    const anna = await hrmSignIn(h, 'anna');
    await h.ok('hrmSendCode', { token: anna, body: { email: 'anna.svensson@foretaget.se' } });
    await h.ok('hrmVerifyCode', { token: anna, body: { code: await latestCode(h, 'anna.svensson@foretaget.se') } });
    // First login via "Forgot password" is tested elsewhere; give Anna a password through a reset.
    const human = (await h.ok('humanCheck', { body: { notARobot: true } })).humanToken;
    await h.ok('forgotPassword', { body: { email: 'anna.svensson@foretaget.se', kind: 'reset', humanToken: human } });
    const mail = (await h.ok('testOutbox', { query: { recipient: 'anna.svensson@foretaget.se' } })).messages[0]!;
    const token = new URL(mail.links[0]!.url).searchParams.get('token')!;
    await h.ok('resetPassword', { body: { token, password: 'Sommar-2025!' } });
    const signedIn = await h.ok('signInPassword', { body: { email: 'anna.svensson@foretaget.se', password: 'Sommar-2025!' } });
    if (signedIn.status !== 'signed-in') throw new Error();
    expect(signedIn.hrm).toMatchObject({ userId: 'anna', companyName: 'Företaget AB', connectLoginEnabled: false });
    expect((await h.fail('hrmSignInConnect', { body: { connectToken: signedIn.session.token } })).code).toBe(
      'hrm.connect-login-not-enabled',
    );

    const maria = await hrmSignIn(h, 'maria');
    // The cutover is refused while the acting admin is not linked (they would lock themselves out).
    expect((await h.fail('adminCompanyUpdate', { token: maria, body: { connectLoginEnabled: true } })).code).toBe('hrm.admin-not-linked');
    await h.ok('hrmSendCode', { token: maria, body: { email: 'maria.lindqvist@foretaget.se' } });
    await h.ok('hrmVerifyCode', { token: maria, body: { code: await latestCode(h, 'maria.lindqvist@foretaget.se') } });
    await h.ok('adminCompanyUpdate', { token: maria, body: { connectLoginEnabled: true } });

    expect(await h.ok('discover', { body: { email: 'anna.svensson@foretaget.se' } })).toEqual({ method: 'password' });
    const legacy = await h.fail('hrmSignIn', { body: { userId: 'anna', password: HRM_PASSWORD } });
    expect(legacy.code).toBe('hrm.use-connect-sign-in');
    // Erik never linked: his right user id + password get guidance, not "sign in with your email" (issue 14).
    expect((await h.fail('hrmSignIn', { body: { userId: 'erik', password: HRM_PASSWORD } })).code).toBe('hrm.never-linked');
    expect((await h.fail('hrmSignIn', { body: { userId: 'erik', password: 'nope' } })).code).toBe('hrm.invalid-credentials');
    // Wrong legacy password still says only "invalid credentials" (no probing of user ids).
    expect((await h.fail('hrmSignIn', { body: { userId: 'anna', password: 'nope' } })).code).toBe('hrm.invalid-credentials');
    const hrm = await h.ok('hrmSignInConnect', { body: { connectToken: signedIn.session.token } });
    expect(hrm).toMatchObject({ method: 'connect', user: { userId: 'anna' } });
    const events = (await h.ok('testAudit', { query: { type: 'company.cutover' } })).events;
    expect(events).toHaveLength(1);
  });

  it('a Connect account without an HRM user cannot open HRM', async () => {
    const sara = await h.ok('ssoStart', { body: { email: 'someone.else@molnet.se' } });
    const consent = await h.ok('idpConsent', { body: { state: sara.state, approve: true } });
    if (consent.status !== 'approved') throw new Error();
    const s = await h.ok('ssoFinish', { body: { state: sara.state, code: consent.code } });
    if (s.status !== 'signed-in') throw new Error();
    expect(s.hrm).toBeNull();
    expect((await h.fail('hrmSignInConnect', { body: { connectToken: s.session.token } })).code).toBe('hrm.not-linked');
  });
});

describe('Connect password sign-in', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('signs in, offers 2FA, and "remind me later" postpones the offer for a day', async () => {
    const r = await h.ok('signInPassword', { body: { email: KARIN, password: CONNECT_PASSWORD, device: DEVICE } });
    expect(r).toMatchObject({
      status: 'signed-in',
      twoFactorPrompt: true,
      account: { email: KARIN, name: 'Karin Nordin' },
      hrm: { connectLoginEnabled: true },
    });
    if (r.status !== 'signed-in') throw new Error();
    await h.ok('remindLater', { token: r.session.token });
    expect(await h.ok('signInPassword', { body: { email: KARIN, password: CONNECT_PASSWORD } })).toMatchObject({ twoFactorPrompt: false });
    h.advance(24 * HOUR);
    expect(await h.ok('signInPassword', { body: { email: KARIN, password: CONNECT_PASSWORD } })).toMatchObject({ twoFactorPrompt: true });
    const me = await h.ok('me', { token: await connectSignIn(h, KARIN) });
    expect(me.devices[0]).toMatchObject({ name: 'Nexus 5', browser: 'Chrome Mobile 138.0', country: 'Sweden' });
  });

  it('gives one generic error for a wrong password, an unknown address and an account without password', async () => {
    const wrong = await h.fail('signInPassword', { body: { email: KARIN, password: 'Wrong-2025!' } });
    const unknown = await h.fail('signInPassword', { body: { email: 'nobody@nordbolaget.se', password: 'Wrong-2025!' } });
    const noPassword = await h.fail('signInPassword', { body: { email: 'olof.ek@nordbolaget.se', password: 'Wrong-2025!' } });
    for (const e of [wrong, unknown, noPassword]) expect(e).toEqual({ code: 'connect.invalid-credentials', status: 401 });
  });

  it('refuses password sign-in for SSO domains', async () => {
    expect(await h.fail('signInPassword', { body: { email: 'sara.molin@molnet.se', password: 'x' } })).toMatchObject({
      code: 'connect.use-sso',
      params: { providerName: 'Entra ID' },
    });
  });

  it('locks after 8 failures within 10 minutes, for 30 minutes, then lets the right password in', async () => {
    for (let i = 0; i < 7; i++) {
      expect((await h.fail('signInPassword', { body: { email: KARIN, password: `Wrong-${i}` } })).code).toBe('connect.invalid-credentials');
      h.advance(MINUTE);
    }
    expect(await h.fail('signInPassword', { body: { email: KARIN, password: 'Wrong-8' } })).toMatchObject({
      code: 'connect.locked',
      params: { minutesLeft: 30 },
    });
    // Even the right password is refused while locked.
    h.advance(10 * MINUTE);
    expect(await h.fail('signInPassword', { body: { email: KARIN, password: CONNECT_PASSWORD } })).toMatchObject({
      code: 'connect.locked',
      params: { minutesLeft: 20 },
    });
    h.advance(20 * MINUTE);
    expect((await h.ok('signInPassword', { body: { email: KARIN, password: CONNECT_PASSWORD } })).status).toBe('signed-in');
    const audit = (await h.ok('testAudit', { query: { subject: KARIN } })).events.map((e) => e.type);
    expect(audit.filter((t) => t === 'connect.sign-in-failed')).toHaveLength(8);
    expect(audit).toContain('connect.locked');
  });

  it('does not lock when failures are spread beyond the 10-minute window', async () => {
    for (let i = 0; i < 12; i++) {
      expect((await h.fail('signInPassword', { body: { email: KARIN, password: 'Wrong-1!' } })).code).toBe('connect.invalid-credentials');
      h.advance(2 * MINUTE);
    }
  });

  it('locks unknown addresses exactly like known ones', async () => {
    for (let i = 0; i < 7; i++) await h.fail('signInPassword', { body: { email: 'ghost@nordbolaget.se', password: 'x' } });
    expect((await h.fail('signInPassword', { body: { email: 'ghost@nordbolaget.se', password: 'x' } })).code).toBe('connect.locked');
  });

  it('stores passwords as argon2id with OWASP parameters by default', async () => {
    const { createArgon2Hasher } = await import('../../../electron/core/lock/password-hash');
    const hashed = await createArgon2Hasher().hash('Connect-2025!');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const row = h.ctx.db.prepare('SELECT password_hash FROM connect_accounts WHERE email = ?').get(KARIN) as { password_hash: string };
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('legacy HRM sign-in works before cutover and locks like Connect', async () => {
    expect((await h.ok('hrmSignIn', { body: { userId: 'ANNA', password: HRM_PASSWORD } })).user.userId).toBe('anna');
    for (let i = 0; i < 7; i++)
      expect((await h.fail('hrmSignIn', { body: { userId: 'anna', password: 'x' } })).code).toBe('hrm.invalid-credentials');
    expect(await h.fail('hrmSignIn', { body: { userId: 'anna', password: 'x' } })).toMatchObject({
      code: 'hrm.locked',
      params: { minutesLeft: 30 },
    });
    expect((await h.fail('hrmSignIn', { body: { userId: 'nobody', password: 'x' } })).code).toBe('hrm.invalid-credentials');
  });
});
