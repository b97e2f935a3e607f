import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, MINUTE, type Harness } from './helpers';

const SARA = 'sara.molin@molnet.se';

describe('SSO through the simulated identity provider', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ appBaseUrl: 'http://127.0.0.1:5173/' });
  });
  afterEach(() => h.close());

  it('start -> consent -> finish signs in (no Connect 2FA prompt) and links the HRM user', async () => {
    const start = await h.ok('ssoStart', { body: { email: SARA } });
    expect(start.providerName).toBe('Entra ID');
    expect(start.authorizeUrl).toBe(`http://127.0.0.1/idp/authorize?state=${start.state}`);
    const consent = await h.ok('idpConsent', { body: { state: start.state, approve: true } });
    if (consent.status !== 'approved') throw new Error();
    const signedIn = await h.ok('ssoFinish', { body: { state: start.state, code: consent.code } });
    expect(signedIn).toMatchObject({
      status: 'signed-in',
      twoFactorPrompt: false,
      account: { email: SARA, name: 'Sara Molin' },
      hrm: { userId: 'sara', connectLoginEnabled: true },
    });
    // State and code are single use.
    expect((await h.fail('ssoFinish', { body: { state: start.state, code: consent.code } })).code).toBe('sso.invalid-state');
  });

  it('a denied consent ends the attempt', async () => {
    const start = await h.ok('ssoStart', { body: { email: SARA } });
    expect(await h.ok('idpConsent', { body: { state: start.state, approve: false } })).toEqual({ status: 'denied' });
    expect((await h.fail('idpConsent', { body: { state: start.state, approve: true } })).code).toBe('sso.invalid-state');
  });

  it('a code only works with its own state, and states expire', async () => {
    const a = await h.ok('ssoStart', { body: { email: SARA } });
    const b = await h.ok('ssoStart', { body: { email: 'someone@molnet.se' } });
    const code = await h.ok('idpConsent', { body: { state: b.state, approve: true } });
    if (code.status !== 'approved') throw new Error();
    expect((await h.fail('ssoFinish', { body: { state: a.state, code: code.code } })).code).toBe('sso.invalid-state');
    h.advance(10 * MINUTE);
    expect((await h.fail('idpConsent', { body: { state: a.state, approve: true } })).code).toBe('sso.expired');
  });

  it('only SSO domains may start SSO', async () => {
    expect((await h.fail('ssoStart', { body: { email: 'karin.nordin@nordbolaget.se' } })).code).toBe('sso.not-sso');
    expect((await h.fail('ssoStart', { body: { email: 'x@gmail.com' } })).code).toBe('sso.not-sso');
  });

  it('serves the provider page and redirects its form back to the app', async () => {
    const start = await h.ok('ssoStart', { body: { email: SARA } });
    const page = await h.app.inject({ method: 'GET', url: `/idp/authorize?state=${start.state}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('Entra ID');
    expect(page.body).toContain(SARA);
    const form = await h.app.inject({
      method: 'POST',
      url: '/idp/authorize',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ state: start.state, decision: 'approve' }).toString(),
    });
    expect(form.statusCode).toBe(303);
    const location = new URL(form.headers.location as string);
    expect(location.origin + location.pathname).toBe('http://127.0.0.1:5173/');
    const q = new URLSearchParams(location.hash.replace(/^#\/link\/sso\?/, ''));
    const done = await h.ok('ssoFinish', { body: { state: q.get('state')!, code: q.get('code')! } });
    expect(done.status).toBe('signed-in');
    const bad = await h.app.inject({ method: 'GET', url: `/idp/authorize?state=${'E'.repeat(43)}` });
    expect(bad.statusCode).toBe(400);
  });
});
