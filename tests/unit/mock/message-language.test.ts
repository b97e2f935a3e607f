import { afterEach, describe, expect, it } from 'vitest';
import { harness, humanToken, hrmSignIn, latestMail, type Harness } from './helpers';

/**
 * Defect (issue 14): Settings promises that emails and SMS follow the language chosen in the app,
 * but the server wrote them in the account's language (and ignored the forgot-password form's).
 * The app sends Accept-Language; the account's language is only the fallback.
 */
const KARIN = 'karin.nordin@nordbolaget.se'; // her account's language is Swedish

describe('messages follow the language the app asks for', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('a reset link for a Swedish account in English when the app asks for English', async () => {
    h = await harness();
    await h.ok('forgotPassword', {
      body: { email: KARIN, kind: 'reset', humanToken: await humanToken(h) },
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    const mail = await latestMail(h, KARIN);
    expect(mail.language).toBe('en');
    expect(mail.subject).toMatch(/password/i);
  });

  it("the form's own language wins, and without either the account's is used", async () => {
    h = await harness();
    await h.ok('forgotPassword', { body: { email: KARIN, kind: 'magic-link', humanToken: await humanToken(h), language: 'en' } });
    expect((await latestMail(h, KARIN)).language).toBe('en');
    await h.ok('forgotPassword', { body: { email: KARIN, kind: 'magic-link', humanToken: await humanToken(h) } });
    expect((await latestMail(h, KARIN)).language).toBe('sv');
  });

  it('a verification code for an English-speaking HRM user in Swedish when the app is in Swedish', async () => {
    h = await harness();
    const erik = await hrmSignIn(h, 'erik'); // English on record
    await h.ok('hrmSendCode', { token: erik, body: { email: 'erik.johansson@foretaget.se' }, headers: { 'accept-language': 'sv' } });
    expect((await latestMail(h, 'erik.johansson@foretaget.se')).language).toBe('sv');
  });
});

describe("the app's client says which language it wants", () => {
  it('sends the chosen language as Accept-Language on every call, read per call', async () => {
    const { IdentityHttp } = await import('../../../electron/core/session/identity-http');
    const seen: (string | null)[] = [];
    const fetchImpl = ((_url: URL, init: RequestInit) => {
      seen.push(new Headers(init.headers).get('accept-language'));
      return Promise.resolve(new Response(JSON.stringify({ ok: true, value: { status: 'ok', service: 'x', now: 1 } })));
    }) as unknown as typeof fetch;
    let language: 'sv' | 'en' = 'sv';
    const http = new IdentityHttp(
      () => 'http://127.0.0.1:1/',
      fetchImpl,
      () => language,
    );
    await http.call('health');
    language = 'en';
    await http.call('health');
    expect(seen).toEqual(['sv', 'en']);
  });
});
