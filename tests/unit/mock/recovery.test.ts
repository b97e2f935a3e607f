import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CONNECT_PASSWORD,
  DEVICE,
  harness,
  HOUR,
  humanToken,
  latestMail,
  MINUTE,
  outbox,
  tokenFromLink,
  totpCode,
  type Harness,
} from './helpers';
import { DEMO_TOTP_SECRET } from '../../../electron/mock/services/seed';

const OLOF = 'olof.ek@nordbolaget.se'; // Connect account without a password (seed 000 first login)
const KARIN = 'karin.nordin@nordbolaget.se';
const JOHAN = 'johan.berg@nordbolaget.se'; // has TOTP, SMS and an emergency code

async function requestLink(h: Harness, email: string, kind: 'reset' | 'magic-link' = 'reset') {
  return h.ok('forgotPassword', { body: { email, kind, humanToken: await humanToken(h), device: DEVICE } });
}

async function linkToken(h: Harness, email: string): Promise<string> {
  const m = await latestMail(h, email);
  return tokenFromLink(m.links[0]!.url);
}

describe('Forgot password', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('requires a fresh, single-use human-check token', async () => {
    expect((await h.fail('forgotPassword', { body: { email: KARIN, kind: 'reset', humanToken: 'A'.repeat(43) } })).code).toBe(
      'human-check.invalid',
    );
    const t = await humanToken(h);
    await h.ok('forgotPassword', { body: { email: KARIN, kind: 'reset', humanToken: t } });
    expect((await h.fail('forgotPassword', { body: { email: KARIN, kind: 'reset', humanToken: t } })).code).toBe('human-check.invalid');
    const late = await humanToken(h);
    h.advance(2 * MINUTE);
    expect((await h.fail('forgotPassword', { body: { email: KARIN, kind: 'reset', humanToken: late } })).code).toBe('human-check.invalid');
  });

  it('answers identically, in about the same time, for known and unknown addresses', async () => {
    const time = async (email: string) => {
      const t = await humanToken(h);
      const started = performance.now();
      const res = await h.call('forgotPassword', { body: { email, kind: 'reset', humanToken: t } });
      return { ms: performance.now() - started, res };
    };
    await time(KARIN); // warm-up
    const known = await time(OLOF);
    const unknown = await time('nobody@nordbolaget.se');
    const unknownDomain = await time('nobody@example.org');
    expect(known.res).toEqual(unknown.res);
    expect(unknown.res).toEqual(unknownDomain.res);
    expect(known.res).toEqual({ status: 200, body: { ok: true, value: { status: 'sent' } } });
    for (const r of [known, unknown, unknownDomain]) expect(r.ms).toBeGreaterThanOrEqual(115);
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(60);
    expect(Math.abs(known.ms - unknownDomain.ms)).toBeLessThan(60);
    expect(await outbox(h, OLOF)).toHaveLength(1);
    expect(await outbox(h, 'nobody@nordbolaget.se')).toHaveLength(0);
  });

  it('first login via "Forgot password": the seed-001 email, set a password, no automatic sign-in', async () => {
    await requestLink(h, OLOF);
    const mail = await latestMail(h, OLOF);
    // Olof reads English.
    expect(mail.language).toBe('en');
    expect(mail.text).toContain(`You have requested a new password for your Visma account: ${OLOF}.`);
    expect(mail.text).toContain('Enter new password');
    expect(mail.text).toContain('expires in 24 hours and only works once');
    expect(mail.text).toContain('Device: Nexus 5');
    expect(mail.text).toContain('Browser: Chrome Mobile 138.0');
    expect(mail.text).toContain('Country: Sweden');
    expect(mail.text).toContain('IP address: 127.0.0.1');
    expect(mail.text).toContain('Last used: 25 Jun 2025 13:14 UTC');
    expect(mail.links[0]).toMatchObject({ action: 'reset-password', label: 'Enter new password' });
    expect(mail.links[0]!.url).toMatch(/^flexconnect:\/\/reset-password\?token=/);
    expect(mail.links[0]!.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1\/open\/reset-password\?token=/);
    // "copy and paste it into your browser": the text carries the http link a browser can open, not flexconnect://.
    expect(mail.text).toContain(mail.links[0]!.httpUrl);
    expect(mail.text).not.toContain('flexconnect://');

    const token = tokenFromLink(mail.links[0]!.url);
    const info = await h.ok('resetInspect', { body: { token } });
    expect(info).toMatchObject({
      email: OLOF,
      policy: { preset: 'connect', minLength: 8, digit: true, upper: true, lower: true, special: true },
    });
    const done = await h.ok('resetPassword', { body: { token, password: 'Vinter-2025!', device: DEVICE } });
    expect(done).toEqual({ status: 'password-changed' });
    const changed = await latestMail(h, OLOF);
    expect(changed.template).toBe('password-changed');
    expect((await h.ok('signInPassword', { body: { email: OLOF, password: 'Vinter-2025!' } })).status).toBe('signed-in');
  });

  it('writes the Swedish reset email as the seed does', async () => {
    await requestLink(h, KARIN);
    const mail = await latestMail(h, KARIN);
    expect(mail.text).toContain(`Du har begärt ett nytt lösenord för ditt Visma-konto: ${KARIN}.`);
    expect(mail.text).toContain('Ange nytt lösenord');
    expect(mail.text).toContain('Denna länk upphör att gälla om 24 timmar och fungerar bara en gång.');
    for (const label of [
      'Enhet: Nexus 5',
      'Webbläsare: Chrome Mobile 138.0',
      'Land: Sverige',
      'IP-adress: 127.0.0.1',
      'Användes senast: 25 Jun 2025 13:14 UTC',
    ]) {
      expect(mail.text).toContain(label);
    }
  });

  it('reset links expire after 24 hours', async () => {
    await requestLink(h, KARIN);
    const token = await linkToken(h, KARIN);
    h.advance(24 * HOUR - 1);
    await h.ok('resetInspect', { body: { token } });
    h.advance(1);
    expect((await h.fail('resetInspect', { body: { token } })).code).toBe('link.expired');
    expect((await h.fail('resetPassword', { body: { token, password: 'Vinter-2025!' } })).code).toBe('link.expired');
  });

  it('reset links work once; a refused password does not burn the link', async () => {
    await requestLink(h, KARIN);
    const token = await linkToken(h, KARIN);
    const weak = await h.fail('resetPassword', { body: { token, password: 'short' } });
    expect(weak).toMatchObject({ code: 'password.policy', params: { preset: 'connect' } });
    expect(String(weak.params?.failed).split(',')).toEqual(expect.arrayContaining(['min-length', 'digit', 'upper', 'special']));
    await h.ok('resetPassword', { body: { token, password: 'Vinter-2025!' } });
    expect((await h.fail('resetPassword', { body: { token, password: 'Host-2025!!' } })).code).toBe('link.used');
    expect((await h.fail('resetInspect', { body: { token: 'B'.repeat(43) } })).code).toBe('link.invalid');
  });

  it('refuses the last 5 passwords', async () => {
    const passwords = ['Vinter-2025!', 'Var-2025!!', 'Host-2025!!', 'Sommar-2026!'];
    // 13 minutes between requests keeps each hour under the 5-emails-per-address limit.
    const link = async () => {
      h.advance(13 * MINUTE);
      await requestLink(h, KARIN);
      return linkToken(h, KARIN);
    };
    for (const p of passwords) await h.ok('resetPassword', { body: { token: await link(), password: p } });
    // History now: Sommar-2026!, Host, Var, Vinter, and the seeded Connect-2025!.
    const token = await link();
    for (const old of [CONNECT_PASSWORD, ...passwords]) {
      expect(await h.fail('resetPassword', { body: { token, password: old } })).toMatchObject({
        code: 'password.reused',
        params: { historySize: 5 },
      });
    }
    await h.ok('resetPassword', { body: { token, password: 'Nytt-2027!!' } });
    // The seeded password has now dropped out of the history of 5.
    await h.ok('resetPassword', { body: { token: await link(), password: CONNECT_PASSWORD } });
  });

  it('a reset signs out existing sessions and ends the lockout', async () => {
    const s = await h.ok('signInPassword', { body: { email: KARIN, password: CONNECT_PASSWORD } });
    if (s.status !== 'signed-in') throw new Error();
    for (let i = 0; i < 8; i++) await h.fail('signInPassword', { body: { email: KARIN, password: 'x' } });
    await requestLink(h, KARIN);
    await h.ok('resetPassword', { body: { token: await linkToken(h, KARIN), password: 'Vinter-2025!' } });
    expect((await h.fail('me', { token: s.session.token })).code).toBe('auth.invalid-session');
    expect((await h.ok('signInPassword', { body: { email: KARIN, password: 'Vinter-2025!' } })).status).toBe('signed-in');
  });

  it('the NIST preset wants 15 characters and no composition, and refuses common words', async () => {
    const nist = await h.ok('passwordPolicy', { query: { preset: 'nist' } });
    expect(nist).toMatchObject({
      minLength: 15,
      digit: false,
      upper: false,
      special: false,
      blocklist: true,
      lockout: { maxFailures: 100 },
    });
    const { checkPassword } = await import('../../../electron/mock/services/password-policy');
    expect(checkPassword('correct horse battery', 'nist')).toEqual([]);
    expect(checkPassword('short one', 'nist')).toEqual(['min-length']);
    expect(checkPassword('passwordpassword', 'nist')).toEqual(['not-common']);
    expect(checkPassword('aaaaaaaaaaaaaaaa', 'nist')).toEqual(['not-common']);
    expect(checkPassword('Abcdefg1!', 'connect')).toEqual([]);
  });
});

describe('One-time sign-in link', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('signs in once and leaves the password unchanged', async () => {
    await requestLink(h, KARIN, 'magic-link');
    const mail = await latestMail(h, KARIN);
    expect(mail.template).toBe('magic-link');
    expect(mail.links[0]!.url).toMatch(/^flexconnect:\/\/magic-link\?token=/);
    const token = tokenFromLink(mail.links[0]!.url);
    const r = await h.ok('magicLink', { body: { token, device: DEVICE } });
    expect(r.status).toBe('signed-in');
    expect((await h.fail('magicLink', { body: { token } })).code).toBe('link.used');
    expect((await h.ok('signInPassword', { body: { email: KARIN, password: CONNECT_PASSWORD } })).status).toBe('signed-in');
  });

  it('expires after an hour', async () => {
    await requestLink(h, KARIN, 'magic-link');
    const token = await linkToken(h, KARIN);
    h.advance(HOUR);
    expect((await h.fail('magicLink', { body: { token } })).code).toBe('link.expired');
  });

  it('still requires 2FA', async () => {
    await requestLink(h, JOHAN, 'magic-link');
    const r = await h.ok('magicLink', { body: { token: await linkToken(h, JOHAN) } });
    expect(r.status).toBe('mfa-required');
    if (r.status !== 'mfa-required') throw new Error();
    expect(r.factors).toEqual(['totp', 'sms', 'emergency']);
    const done = await h.ok('mfaVerify', { body: { ticket: r.ticket, factor: 'totp', code: totpCode(DEMO_TOTP_SECRET, h.clock.now()) } });
    expect(done.status).toBe('signed-in');
  });
});

describe('the activity block of emails', () => {
  it('a Swedish email words the country of a local sign-in in Swedish (it said "Land: Local network")', async () => {
    const { originBlock } = await import('../../../electron/mock/emails/format');
    const o = { device: 'Flex HRM Connect', browser: 'Flex HRM Connect desktop', country: 'Local network', ip: '127.0.0.1', at: 0 };
    expect(originBlock('sv', o)).toContain('Land: Lokalt nätverk');
    // Nor the browser line in English (issue 14: the device line of the reset email).
    expect(originBlock('sv', o)).toContain('Webbläsare: Flex HRM Connect skrivbordsapp');
    expect(originBlock('sv', { ...o, device: 'Unknown device', country: 'Sweden' })).toMatch(/Enhet: Okänd enhet\n[^]*Land: Sverige/);
    expect(originBlock('sv', { ...o, country: 'Unknown' })).toContain('Land: Okänt');
    expect(originBlock('en', o)).toContain('Country: Local network');
  });
});
