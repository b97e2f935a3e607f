import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MfaRequired } from '@shared/identity-api';
import { CONNECT_PASSWORD, DEVICE, harness, latestCode, MINUTE, totpCode, type Harness } from './helpers';
import { DEMO_EMERGENCY_CODE, DEMO_PHONE, DEMO_TOTP_SECRET } from '../../../electron/mock/services/seed';

const JOHAN = 'johan.berg@nordbolaget.se';

async function firstFactor(h: Harness, rememberedDeviceToken?: string): Promise<MfaRequired> {
  const r = await h.ok('signInPassword', {
    body: { email: JOHAN, password: CONNECT_PASSWORD, device: DEVICE, ...(rememberedDeviceToken ? { rememberedDeviceToken } : {}) },
  });
  if (r.status !== 'mfa-required') throw new Error(`expected mfa-required, got ${r.status}`);
  return r;
}

describe('2FA at sign-in', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('asks for a second factor and lists the available ones', async () => {
    const r = await firstFactor(h);
    expect(r).toMatchObject({ factors: ['totp', 'sms', 'emergency'], maskedPhone: '+46*******67', attemptsLeft: 5 });
  });

  it('accepts TOTP within +-1 step and never the same code twice', async () => {
    const code = totpCode(DEMO_TOTP_SECRET, h.clock.now() - 30_000); // previous step: still accepted
    const first = await firstFactor(h);
    const ok = await h.ok('mfaVerify', { body: { ticket: first.ticket, factor: 'totp', code } });
    expect(ok).toMatchObject({ status: 'signed-in', twoFactorPrompt: false });
    const second = await firstFactor(h);
    expect(await h.fail('mfaVerify', { body: { ticket: second.ticket, factor: 'totp', code } })).toMatchObject({
      code: 'mfa.code-already-used',
      params: { attemptsLeft: 4 },
    });
    // Two steps away: refused outright.
    expect(
      (
        await h.fail('mfaVerify', {
          body: { ticket: second.ticket, factor: 'totp', code: totpCode(DEMO_TOTP_SECRET, h.clock.now() + 90_000) },
        })
      ).code,
    ).toBe('mfa.code-wrong');
    // The next step's code works.
    h.advance(30_000);
    expect(
      (await h.ok('mfaVerify', { body: { ticket: second.ticket, factor: 'totp', code: totpCode(DEMO_TOTP_SECRET, h.clock.now()) } }))
        .status,
    ).toBe('signed-in');
    // The ticket is single use.
    expect((await h.fail('mfaVerify', { body: { ticket: second.ticket, factor: 'totp', code: '123456' } })).code).toBe(
      'mfa.ticket-invalid',
    );
  });

  it('uses the emergency code once, then issues a new one and refuses the old', async () => {
    const r = await firstFactor(h);
    const ok = await h.ok('mfaVerify', { body: { ticket: r.ticket, factor: 'emergency', code: DEMO_EMERGENCY_CODE.toLowerCase() } });
    expect(ok.newEmergencyCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    expect(ok.newEmergencyCode).not.toBe(DEMO_EMERGENCY_CODE);
    const again = await firstFactor(h);
    expect((await h.fail('mfaVerify', { body: { ticket: again.ticket, factor: 'emergency', code: DEMO_EMERGENCY_CODE } })).code).toBe(
      'mfa.code-wrong',
    );
    const next = await h.ok('mfaVerify', { body: { ticket: again.ticket, factor: 'emergency', code: ok.newEmergencyCode! } });
    expect(next.newEmergencyCode).not.toBe(ok.newEmergencyCode);
    const audit = (await h.ok('testAudit', { query: { type: '2fa.emergency-code-used' } })).events;
    expect(audit).toHaveLength(2);
  });

  it('sends an SMS code valid for 10 minutes; resending is limited and keeps the failure count', async () => {
    const r = await firstFactor(h);
    const sent = await h.ok('mfaSmsSend', { body: { ticket: r.ticket } });
    expect(sent).toMatchObject({ maskedPhone: '+46*******67' });
    expect(sent.expiresAt - h.clock.now()).toBe(10 * MINUTE);
    const code = await latestCode(h, DEMO_PHONE);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await h.fail('mfaVerify', { body: { ticket: r.ticket, factor: 'sms', code: wrong } })).toMatchObject({
      params: { attemptsLeft: 4 },
    });
    expect((await h.fail('mfaSmsSend', { body: { ticket: r.ticket } })).code).toBe('mfa.rate-limited');
    h.advance(MINUTE);
    await h.ok('mfaSmsSend', { body: { ticket: r.ticket } });
    expect(await h.fail('mfaVerify', { body: { ticket: r.ticket, factor: 'sms', code: wrong } })).toMatchObject({
      params: { attemptsLeft: 3 },
    });
    const fresh = await latestCode(h, DEMO_PHONE);
    h.advance(10 * MINUTE);
    // The ticket itself lives 10 minutes from the password step; sign in again for the expiry case.
    expect((await h.fail('mfaVerify', { body: { ticket: r.ticket, factor: 'sms', code: fresh } })).code).toBe('mfa.ticket-expired');
    const r2 = await firstFactor(h);
    await h.ok('mfaSmsSend', { body: { ticket: r2.ticket } });
    const code2 = await latestCode(h, DEMO_PHONE);
    h.advance(10 * MINUTE - 1);
    expect((await h.ok('mfaVerify', { body: { ticket: r2.ticket, factor: 'sms', code: code2 } })).status).toBe('signed-in');
  });

  it('has one failure counter across factors; at 5 the ticket dies', async () => {
    const r = await firstFactor(h);
    await h.fail('mfaVerify', { body: { ticket: r.ticket, factor: 'totp', code: '000000' } });
    await h.fail('mfaVerify', { body: { ticket: r.ticket, factor: 'emergency', code: 'AAAA-AAAA-AAAA-AAAA-AAAA' } });
    await h.ok('mfaSmsSend', { body: { ticket: r.ticket } });
    await h.fail('mfaVerify', { body: { ticket: r.ticket, factor: 'sms', code: '000000' } });
    expect(await h.fail('mfaVerify', { body: { ticket: r.ticket, factor: 'totp', code: '000001' } })).toMatchObject({
      params: { attemptsLeft: 1 },
    });
    expect((await h.fail('mfaVerify', { body: { ticket: r.ticket, factor: 'emergency', code: 'BBBB-BBBB-BBBB-BBBB-BBBB' } })).code).toBe(
      'mfa.too-many-attempts',
    );
    // Even the right code is refused now.
    expect((await h.fail('mfaVerify', { body: { ticket: r.ticket, factor: 'emergency', code: DEMO_EMERGENCY_CODE } })).code).toBe(
      'mfa.too-many-attempts',
    );
    expect((await h.ok('testAudit', { query: { type: 'mfa.ticket-locked' } })).events).toHaveLength(1);
  });

  it('remembers a device for 30 days', async () => {
    const r = await firstFactor(h);
    const ok = await h.ok('mfaVerify', {
      body: { ticket: r.ticket, factor: 'totp', code: totpCode(DEMO_TOTP_SECRET, h.clock.now()), rememberDevice: true },
    });
    expect(ok.rememberedDeviceToken).toBeTruthy();
    const direct = await h.ok('signInPassword', {
      body: { email: JOHAN, password: CONNECT_PASSWORD, rememberedDeviceToken: ok.rememberedDeviceToken! },
    });
    expect(direct.status).toBe('signed-in');
    // Another account cannot use it.
    const karin = await h.ok('signInPassword', {
      body: { email: 'karin.nordin@nordbolaget.se', password: CONNECT_PASSWORD, rememberedDeviceToken: ok.rememberedDeviceToken! },
    });
    expect(karin.status).toBe('signed-in'); // Karin has no 2FA at all
    h.advance(30 * 24 * 60 * MINUTE);
    expect((await firstFactor(h, ok.rememberedDeviceToken!)).status).toBe('mfa-required');
  });

  it('refuses unknown tickets and factors the account does not have', async () => {
    expect((await h.fail('mfaVerify', { body: { ticket: 'C'.repeat(43), factor: 'totp', code: '123456' } })).code).toBe(
      'mfa.ticket-invalid',
    );
    const r = await firstFactor(h);
    expect((await h.fail('mfaPushStart', { body: { ticket: r.ticket } })).code).toBe('push.no-devices');
  });
});
