import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONNECT_PASSWORD, connectSignIn, harness, latestCode, MINUTE, totpCode, type Harness } from './helpers';

const KARIN = 'karin.nordin@nordbolaget.se';

describe('2FA enrolment: TOTP app, SMS backup, emergency code', () => {
  let h: Harness;
  let session: string;
  beforeEach(async () => {
    h = await harness();
    session = await connectSignIn(h, KARIN);
  });
  afterEach(() => h.close());

  it('enrols any TOTP app with a 160-bit secret, then requires it at sign-in, refusing the confirm code again', async () => {
    const start = await h.ok('totpEnrolStart', { token: session });
    const uri = new URL(start.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('issuer')).toBe('Visma Connect');
    const secret = uri.searchParams.get('secret')!;
    expect(secret.length * 5).toBeGreaterThanOrEqual(160);
    expect(start.manualKey.replace(/ /g, '')).toBe(secret);
    expect(start).toMatchObject({ digits: 6, period: 30, algorithm: 'SHA1', accountName: KARIN });
    expect(start.qrDataUrl).toMatch(/^data:image\/png;base64,/);

    expect(await h.fail('totpEnrolConfirm', { token: session, body: { enrolmentId: start.enrolmentId, code: '000000' } })).toMatchObject({
      code: 'enrolment.code-wrong',
      params: { attemptsLeft: 4 },
    });
    const code = totpCode(secret, h.clock.now());
    const done = await h.ok('totpEnrolConfirm', { token: session, body: { enrolmentId: start.enrolmentId, code } });
    expect(done.factor).toMatchObject({ kind: 'totp', label: 'Authenticator app' });
    expect((await h.ok('me', { token: session })).twoFactor.enabled).toBe(true);

    const signIn = await h.ok('signInPassword', { body: { email: KARIN, password: CONNECT_PASSWORD } });
    if (signIn.status !== 'mfa-required') throw new Error();
    expect(signIn.factors).toEqual(['totp']);
    expect((await h.fail('mfaVerify', { body: { ticket: signIn.ticket, factor: 'totp', code } })).code).toBe('mfa.code-already-used');
    h.advance(30_000);
    expect(
      (await h.ok('mfaVerify', { body: { ticket: signIn.ticket, factor: 'totp', code: totpCode(secret, h.clock.now()) } })).twoFactorPrompt,
    ).toBe(false);
  });

  it('gives up an enrolment after 5 wrong codes', async () => {
    const start = await h.ok('totpEnrolStart', { token: session });
    for (let i = 0; i < 4; i++)
      await h.fail('totpEnrolConfirm', { token: session, body: { enrolmentId: start.enrolmentId, code: '000000' } });
    expect((await h.fail('totpEnrolConfirm', { token: session, body: { enrolmentId: start.enrolmentId, code: '000000' } })).code).toBe(
      'enrolment.too-many-attempts',
    );
    const secret = new URL(start.otpauthUri).searchParams.get('secret')!;
    expect(
      (
        await h.fail('totpEnrolConfirm', {
          token: session,
          body: { enrolmentId: start.enrolmentId, code: totpCode(secret, h.clock.now()) },
        })
      ).code,
    ).toBe('enrolment.too-many-attempts');
  });

  it('adds +46 to a national number and confirms it with an SMS code', async () => {
    const start = await h.ok('smsEnrolStart', { token: session, body: { phone: '070-765 43 21' } });
    expect(start).toMatchObject({ phone: '+46707654321', maskedPhone: '+46*******21' });
    const sms = (await h.ok('testOutbox', { query: { recipient: '+46707654321' } })).messages[0]!;
    expect(sms).toMatchObject({ channel: 'sms', language: 'sv' });
    expect(sms.text).toContain('Koden gäller i 10 minuter');
    const code = await latestCode(h, '+46707654321');
    const f = await h.ok('smsEnrolConfirm', { token: session, body: { enrolmentId: start.enrolmentId, code } });
    expect(f.factor).toMatchObject({ kind: 'sms', label: '+46*******21' });
    expect((await h.fail('smsEnrolStart', { token: session, body: { phone: '12' } })).code).toBe('request.invalid');
    expect((await h.fail('smsEnrolStart', { token: session, body: { phone: 'not a number' } })).code).toBe('enrolment.phone-invalid');
    h.advance(MINUTE);
    expect((await h.ok('smsEnrolStart', { token: session, body: { phone: '+358 40 123 4567' } })).phone).toBe('+358401234567');
    // One SMS a minute.
    expect((await h.fail('smsEnrolStart', { token: session, body: { phone: '0047 912 34 567' } })).code).toBe('enrolment.rate-limited');
    const { toE164 } = await import('../../../electron/mock/services/factors');
    expect(toE164('0047 912 34 567')).toBe('+4791234567');
    expect(toE164('(08) 123 456 78')).toBe('+46812345678');
  });

  it('the emergency code is active only after the user confirms storing it', async () => {
    const start = await h.ok('emergencyStart', { token: session });
    expect(start.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    expect((await h.fail('emergencyConfirm', { token: session, body: { enrolmentId: start.enrolmentId, stored: false } })).code).toBe(
      'request.invalid',
    );
    expect((await h.ok('me', { token: session })).twoFactor.factors).toEqual([]);
    const f = await h.ok('emergencyConfirm', { token: session, body: { enrolmentId: start.enrolmentId, stored: true } });
    expect(f.factor.kind).toBe('emergency');
    // An emergency code alone does not switch 2FA on.
    expect((await h.ok('me', { token: session })).twoFactor.enabled).toBe(false);
  });

  it('removes a factor', async () => {
    const start = await h.ok('emergencyStart', { token: session });
    const { factor } = await h.ok('emergencyConfirm', { token: session, body: { enrolmentId: start.enrolmentId, stored: true } });
    expect(await h.ok('factorRemove', { token: session, params: { factorId: factor.id } })).toEqual({ removed: true });
    expect((await h.fail('factorRemove', { token: session, params: { factorId: factor.id } })).code).toBe('factor.not-found');
    const audit = (await h.ok('testAudit', { query: { subject: KARIN } })).events.map((e) => e.type);
    expect(audit).toEqual(expect.arrayContaining(['2fa.factor-added', '2fa.factor-removed']));
  });
});
