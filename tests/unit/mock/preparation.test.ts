import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, hrmSignIn, latestCode, latestMail, MINUTE, HOUR, outbox, type Harness } from './helpers';

const WORK = 'anna.svensson@foretaget.se';
const PRIVATE = 'anna.svensson@gmail.com';

describe('HRM account preparation', () => {
  let h: Harness;
  let anna: string;
  beforeEach(async () => {
    h = await harness();
    anna = await hrmSignIn(h, 'anna');
  });
  afterEach(() => h.close());

  it('shows the banner with suggestions until linked; "Not right now" hides it for 24 hours', async () => {
    const me = await h.ok('hrmMe', { token: anna });
    expect(me.user).toMatchObject({ name: 'Anna Svensson', companyName: 'Företaget AB', role: 'employee' });
    expect(me.preparation).toMatchObject({ linked: false, bannerVisible: true, verificationRequired: true, connectLoginEnabled: false });
    expect(me.preparation.suggestedEmails).toEqual([WORK, PRIVATE]);
    const snoozed = await h.ok('hrmSnooze', { token: anna });
    expect(snoozed.bannerVisible).toBe(false);
    h.advance(24 * HOUR - 1000);
    // (The 8-hour HRM session has ended by now; the snooze belongs to the user, not the session.)
    anna = await hrmSignIn(h, 'anna');
    expect((await h.ok('hrmMe', { token: anna })).preparation.bannerVisible).toBe(false);
    h.advance(1000);
    expect((await h.ok('hrmMe', { token: anna })).preparation.bannerVisible).toBe(true);
  });

  it('sends the seed-003 verification email in the user language and links on the right code', async () => {
    const sent = await h.ok('hrmSendCode', { token: anna, body: { email: WORK } });
    expect(sent).toMatchObject({ status: 'code-sent', email: WORK, attemptsLeft: 5 });
    if (sent.status !== 'code-sent') throw new Error();
    expect(sent.expiresAt - h.clock.now()).toBe(30 * MINUTE);
    const mail = await latestMail(h, WORK);
    expect(mail.language).toBe('sv');
    expect(mail.text).toContain('Hej Anna');
    expect(mail.text).toContain('Din verifieringskod:');
    expect(mail.text).toContain('Koden är giltig i 30 minuter.');
    const code = await latestCode(h, WORK);
    const linked = await h.ok('hrmVerifyCode', { token: anna, body: { code } });
    expect(linked).toEqual({ status: 'linked', email: WORK, accountCreated: true });
    const me = await h.ok('hrmMe', { token: anna });
    expect(me.preparation).toMatchObject({ linked: true, linkedEmail: WORK, bannerVisible: false, pending: null });
    // Single use: the verification is over.
    expect((await h.fail('hrmVerifyCode', { token: anna, body: { code } })).code).toBe('preparation.already-linked');
  });

  it('sends English text to an English user', async () => {
    const erik = await hrmSignIn(h, 'erik');
    await h.ok('hrmSendCode', { token: erik, body: { email: 'erik.johansson@foretaget.se' } });
    const mail = await latestMail(h, 'erik.johansson@foretaget.se');
    expect(mail.language).toBe('en');
    expect(mail.text).toContain('Hi Erik');
    expect(mail.text).toContain('Your verification code:');
    expect(mail.text).toContain('The code is valid for 30 minutes.');
    expect(mail.text).toContain("If you don't want to verify your email address");
  });

  it('refuses a code after 30 minutes', async () => {
    await h.ok('hrmSendCode', { token: anna, body: { email: WORK } });
    const code = await latestCode(h, WORK);
    h.advance(30 * MINUTE);
    expect((await h.fail('hrmVerifyCode', { token: anna, body: { code } })).code).toBe('preparation.code-expired');
  });

  it('accepts a code just before 30 minutes', async () => {
    await h.ok('hrmSendCode', { token: anna, body: { email: WORK } });
    const code = await latestCode(h, WORK);
    h.advance(30 * MINUTE - 1);
    expect((await h.ok('hrmVerifyCode', { token: anna, body: { code } })).status).toBe('linked');
  });

  it('invalidates the code after 5 wrong attempts, with attemptsLeft counting down', async () => {
    await h.ok('hrmSendCode', { token: anna, body: { email: WORK } });
    const code = await latestCode(h, WORK);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const e = await h.fail('hrmVerifyCode', { token: anna, body: { code: wrong } });
      expect(e).toMatchObject({ code: 'preparation.code-wrong', params: { attemptsLeft: left } });
    }
    expect((await h.fail('hrmVerifyCode', { token: anna, body: { code: wrong } })).code).toBe('preparation.too-many-attempts');
    // The right code no longer works either.
    expect((await h.fail('hrmVerifyCode', { token: anna, body: { code } })).code).toBe('preparation.no-pending-code');
  });

  it('rate limits resends, and a resend does not reset the failure count', async () => {
    await h.ok('hrmSendCode', { token: anna, body: { email: WORK } });
    const first = await latestCode(h, WORK);
    const wrong = first === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++) await h.fail('hrmVerifyCode', { token: anna, body: { code: wrong } });
    const limited = await h.fail('hrmSendCode', { token: anna, body: { email: WORK } });
    expect(limited).toMatchObject({ code: 'preparation.rate-limited', status: 429 });
    expect(limited.params?.retryAfterSeconds).toBe(60);
    h.advance(MINUTE);
    const resent = await h.ok('hrmSendCode', { token: anna, body: { email: WORK } });
    expect(resent).toMatchObject({ status: 'code-sent', attemptsLeft: 2 });
    const second = await latestCode(h, WORK);
    const wrong2 = second === '000000' ? '111111' : '000000';
    expect(await h.fail('hrmVerifyCode', { token: anna, body: { code: wrong2 } })).toMatchObject({ params: { attemptsLeft: 1 } });
    expect((await h.fail('hrmVerifyCode', { token: anna, body: { code: wrong2 } })).code).toBe('preparation.too-many-attempts');
    // The old code was replaced by the resend.
    expect((await h.fail('hrmVerifyCode', { token: anna, body: { code: first } })).code).toBe('preparation.no-pending-code');
  });

  it('allows at most 5 sends an hour', async () => {
    for (let i = 0; i < 5; i++) {
      await h.ok('hrmSendCode', { token: anna, body: { email: WORK } });
      h.advance(MINUTE);
    }
    const e = await h.fail('hrmSendCode', { token: anna, body: { email: WORK } });
    expect(e.code).toBe('preparation.rate-limited');
    expect(Number(e.params?.retryAfterSeconds)).toBeGreaterThan(60);
    expect(await outbox(h, WORK)).toHaveLength(5);
  });

  it('links an existing Connect account instead of creating one', async () => {
    await h.ok('hrmSendCode', { token: anna, body: { email: WORK } });
    expect((await h.ok('hrmVerifyCode', { token: anna, body: { code: await latestCode(h, WORK) } })).accountCreated).toBe(true);
    const maria = await hrmSignIn(h, 'maria');
    await h.ok('adminRemoveConnection', { token: maria, params: { userId: 'anna' } });
    h.advance(MINUTE);
    await h.ok('hrmSendCode', { token: anna, body: { email: WORK } });
    expect(await h.ok('hrmVerifyCode', { token: anna, body: { code: await latestCode(h, WORK) } })).toEqual({
      status: 'linked',
      email: WORK,
      accountCreated: false,
    });
    const count = h.ctx.db.prepare('SELECT COUNT(*) AS n FROM connect_accounts WHERE email = ?').get(WORK) as { n: number };
    expect(count.n).toBe(1);
  });

  it('refuses an address already linked to another HRM user', async () => {
    const olofAccount = 'olof.ek@nordbolaget.se';
    // Another company's Connect account with that address already linked -> taken.
    expect((await h.fail('hrmSendCode', { token: anna, body: { email: olofAccount } })).code).toBe('preparation.email-taken');
    // Anna verifies her private address, then her colleague... is not allowed to take it.
    await h.ok('hrmSendCode', { token: anna, body: { email: PRIVATE } });
    await h.ok('hrmVerifyCode', { token: anna, body: { code: await latestCode(h, PRIVATE) } });
    const erik = await hrmSignIn(h, 'erik');
    expect((await h.fail('hrmSendCode', { token: erik, body: { email: PRIVATE } })).code).toBe('preparation.email-taken');
  });

  it('links at once, with no email, for a company that skips verification', async () => {
    const per = await hrmSignIn(h, 'per');
    const me = await h.ok('hrmMe', { token: per });
    expect(me.preparation.verificationRequired).toBe(false);
    const r = await h.ok('hrmSendCode', { token: per, body: { email: 'per.lind@lillabolaget.se' } });
    expect(r).toEqual({ status: 'linked', email: 'per.lind@lillabolaget.se', accountCreated: true });
    expect(await outbox(h, 'per.lind@lillabolaget.se')).toHaveLength(0);
    expect((await h.ok('hrmMe', { token: per })).preparation.linked).toBe(true);
  });

  it('requires an HRM session', async () => {
    expect((await h.fail('hrmMe')).code).toBe('auth.required');
    expect((await h.fail('hrmMe', { token: 'x'.repeat(43) })).code).toBe('auth.invalid-session');
    await h.ok('hrmSignOut', { token: anna });
    expect((await h.fail('hrmMe', { token: anna })).code).toBe('auth.invalid-session');
  });
});

describe('HRM admin', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('is for admins only', async () => {
    const anna = await hrmSignIn(h, 'anna');
    expect((await h.fail('adminCompany', { token: anna })).code).toBe('auth.forbidden');
  });

  it('after the cutover the verification email no longer says "soon" (defect: "We\'re soon updating" although Connect login was on)', async () => {
    const erik = await hrmSignIn(h, 'erik'); // a user-ID session from before the switch
    const maria = await hrmSignIn(h, 'maria');
    await h.ok('hrmSendCode', { token: maria, body: { email: 'maria.lindqvist@foretaget.se' } });
    await h.ok('hrmVerifyCode', { token: maria, body: { code: await latestCode(h, 'maria.lindqvist@foretaget.se') } });
    await h.ok('adminCompanyUpdate', { token: maria, body: { connectLoginEnabled: true } });
    await h.ok('hrmSendCode', { token: erik, body: { email: 'erik.johansson@foretaget.se' } });
    const mail = (await outbox(h, 'erik.johansson@foretaget.se'))[0]!;
    expect(mail.text).toContain('Flex HRM now uses Visma Connect for login.');
    expect(mail.text).not.toMatch(/soon/i);
  });

  it('sends a first verification to a user with no pending address, to their first suggested one (defect: "no pending code")', async () => {
    const maria = await hrmSignIn(h, 'maria');
    const sent = await h.ok('adminResend', { token: maria, params: { userId: 'erik' }, body: {} });
    expect(sent).toMatchObject({ status: 'code-sent', email: 'erik.johansson@foretaget.se' });
    expect(await outbox(h, 'erik.johansson@foretaget.se')).toHaveLength(1);
  });

  it('lists users with link status, resends verification and removes a connection', async () => {
    const maria = await hrmSignIn(h, 'maria');
    const anna = await hrmSignIn(h, 'anna');
    await h.ok('hrmSendCode', { token: anna, body: { email: WORK } });
    let users = (await h.ok('adminUsers', { token: maria })).users;
    expect(users.map((u) => u.userId).sort()).toEqual(['anna', 'erik', 'maria']);
    expect(users.find((u) => u.userId === 'anna')).toMatchObject({ linked: false, pendingEmail: WORK });

    h.advance(MINUTE);
    const resent = await h.ok('adminResend', { token: maria, params: { userId: 'anna' }, body: {} });
    expect(resent).toMatchObject({ status: 'code-sent', email: WORK });
    expect(await outbox(h, WORK)).toHaveLength(2);
    await h.ok('hrmVerifyCode', { token: anna, body: { code: await latestCode(h, WORK) } });
    users = (await h.ok('adminUsers', { token: maria })).users;
    expect(users.find((u) => u.userId === 'anna')).toMatchObject({ linked: true, linkedEmail: WORK, pendingEmail: null });

    expect(await h.ok('adminRemoveConnection', { token: maria, params: { userId: 'anna' } })).toEqual({ userId: 'anna', linked: false });
    expect((await h.ok('hrmMe', { token: anna })).preparation).toMatchObject({ linked: false, bannerVisible: true });
    // Users of other companies are invisible.
    expect((await h.fail('adminRemoveConnection', { token: maria, params: { userId: 'karin' } })).code).toBe('hrm.user-not-found');
  });

  it('updates settings and validates them', async () => {
    const maria = await hrmSignIn(h, 'maria');
    const c = await h.ok('adminCompanyUpdate', { token: maria, body: { emailVerificationRequired: false, passwordPolicy: 'nist' } });
    expect(c).toMatchObject({ id: 'foretaget', emailVerificationRequired: false, passwordPolicy: 'nist', emailDomains: ['foretaget.se'] });
    expect((await h.fail('adminCompanyUpdate', { token: maria, body: { identityProvider: 'sso' } })).params).toMatchObject({
      field: 'ssoProviderName',
    });
    expect((await h.fail('adminCompanyUpdate', { token: maria, body: { emailDomains: ['molnet.se'] } })).params).toMatchObject({
      issue: 'domain-taken',
    });
    expect((await h.fail('adminCompanyUpdate', { token: maria, body: {} })).code).toBe('request.invalid');
    expect((await h.fail('adminCompanyUpdate', { token: maria, body: { connectLoginEnabled: 'yes' } })).code).toBe('request.invalid');
  });
});
