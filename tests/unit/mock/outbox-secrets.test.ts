import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE, harness, humanToken, hrmSignIn, latestMail, MINUTE, HOUR, tokenFromLink, type Harness } from './helpers';

/**
 * The audit's "the embedded mock serves the outbox to anyone": `GET /mailbox` answered any caller
 * (and any Host) with every reset link and code. Now the mailbox is the app's alone (a Bearer
 * token it started the mock with), and a link or code is scrubbed from the outbox, at rest, once
 * it is used, replaced or expired.
 */
const MAILBOX_TOKEN = 'mailbox-token-for-unit-tests-0123456789abcdef';
const KARIN = 'karin.nordin@nordbolaget.se';

/** What is stored for a message, as a process reading mock.db would see it. */
const stored = (h: Harness, id: string) =>
  h.ctx.db.prepare('SELECT text, links, secret FROM outbox WHERE id = ?').get(id) as { text: string; links: string; secret: string | null };

describe('the demo mailbox is only for the app that started the mock', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('without its token, or with a wrong one, GET /mailbox is a 404 like a route a real server lacks', async () => {
    h = await harness({ mailboxToken: MAILBOX_TOKEN });
    expect((await h.fail('mailbox')).code).toBe('not-found');
    expect((await h.fail('mailbox', { token: 'not-the-mailbox-token-0123456789abcdef01' })).code).toBe('not-found');
    expect((await h.ok('mailbox', { token: MAILBOX_TOKEN })).messages).toEqual([]);
  });

  it('a mock started without a mailbox token has no mailbox at all', async () => {
    h = await harness();
    expect((await h.fail('mailbox', { token: MAILBOX_TOKEN })).code).toBe('not-found');
  });
});

describe('links and codes are not kept readable once they cannot be used', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function requestLink(kind: 'reset' | 'magic-link') {
    await h.ok('forgotPassword', { body: { email: KARIN, kind, humanToken: await humanToken(h) } });
    return latestMail(h, KARIN);
  }

  it('a used sign-in link is scrubbed from the stored text and links', async () => {
    h = await harness({ mailboxToken: MAILBOX_TOKEN });
    const mail = await requestLink('magic-link');
    const token = tokenFromLink(mail.links[0]!.url);
    expect(mail.secretState).toBe('valid');
    expect(stored(h, mail.id).text).toContain(encodeURIComponent(token));
    await h.ok('magicLink', { body: { token, device: DEVICE } });
    const after = (await h.ok('mailbox', { token: MAILBOX_TOKEN })).messages.find((m) => m.id === mail.id)!;
    expect(after.secretState).toBe('used');
    expect(after.links).toEqual([]);
    expect(JSON.stringify(after)).not.toContain(token);
    const row = stored(h, mail.id);
    expect(`${row.text}${row.links}${row.secret}`).not.toContain(encodeURIComponent(token));
  });

  it('an expired reset link is scrubbed, without anyone reading the outbox first', async () => {
    h = await harness({ mailboxToken: MAILBOX_TOKEN });
    const mail = await requestLink('reset');
    const token = encodeURIComponent(tokenFromLink(mail.links[0]!.url));
    h.advance(24 * HOUR + MINUTE);
    // The minute sweep's work, run now: nothing may read the token from mock.db once it expired.
    const { sweepOutbox } = await import('../../../electron/mock/services/outbox');
    sweepOutbox(h.ctx);
    expect(stored(h, mail.id).text).not.toContain(token);
    expect((await h.ok('testOutbox', { query: { recipient: KARIN } })).messages[0]!.secretState).toBe('expired');
  });

  it('a verification code is scrubbed once it is entered, and an older one when a re-send replaces it', async () => {
    h = await harness({ mailboxToken: MAILBOX_TOKEN });
    const anna = await hrmSignIn(h, 'anna');
    const email = 'anna.svensson@foretaget.se';
    await h.ok('hrmSendCode', { token: anna, body: { email } });
    const first = await latestMail(h, email);
    const firstCode = /\b(\d{6})\b/.exec(first.text)![1]!;
    h.advance(MINUTE + 1000);
    await h.ok('hrmSendCode', { token: anna, body: { email } });
    const second = await latestMail(h, email);
    const secondCode = /\b(\d{6})\b/.exec(second.text)![1]!;
    expect(stored(h, first.id).text).not.toContain(firstCode);
    expect(stored(h, second.id).text).toContain(secondCode);
    await h.ok('hrmVerifyCode', { token: anna, body: { code: secondCode } });
    expect(stored(h, second.id).text).not.toContain(secondCode);
    expect((await latestMail(h, email)).secretState).toBe('used');
  });
});
