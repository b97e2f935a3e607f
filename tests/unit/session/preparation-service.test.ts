import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '@shared/contract';
import type { SessionServices } from '../../../electron/core/session';
import { DEMO } from '../../e2e/support/demo-accounts';
import { startServices, startTestMock, type TestMock } from './harness';

const ANNA_EMAIL = 'anna.svensson@foretaget.se';

/** Account preparation (seed 003) through the client service, against the in-process mock over HTTP. */
describe('PreparationService against the identity mock', () => {
  let mock: TestMock;
  let services: SessionServices;

  const outbox = (to: string) => mock.outbox(to);
  const lastCode = async (to: string) => /\b(\d{6})\b/.exec((await outbox(to))[0]?.text ?? '')?.[1] ?? '';
  const advance = (ms: number) => mock.advance(ms);
  const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

  beforeEach(async () => {
    mock = await startTestMock();
    services = startServices(mock.url);
    services.session.setServer({ kind: 'embedded' });
  });
  afterEach(async () => {
    services.close();
    await mock.close();
  });

  const signInAnna = () => services.session.legacySignIn(DEMO.legacy.userId, DEMO.legacy.password);

  it('needs an HRM session', async () => {
    await expect(services.preparation.state()).rejects.toMatchObject({ code: 'session.not-signed-in' });
  });

  it('shows the banner to an unlinked legacy user, with the suggested addresses; no token in the view', async () => {
    await signInAnna();
    const view = await services.preparation.state();
    expect(view).toMatchObject({ name: DEMO.legacy.name, linked: false, bannerVisible: true, verificationRequired: true, pending: null });
    expect(view.suggestedEmails).toEqual([ANNA_EMAIL, 'anna.svensson@gmail.com']);
    expect(channels['prep.getState'].response.parse(view)).toEqual(view);
    expect(JSON.stringify(view)).not.toMatch(/token/i);
  });

  it('"Not right now" hides the banner for 24 hours', async () => {
    await signInAnna();
    expect((await services.preparation.snooze()).bannerVisible).toBe(false);
    // HRM sessions last 8 hours, so "tomorrow" is a new sign-in.
    await advance(7 * 3600_000);
    expect((await services.preparation.state()).bannerVisible).toBe(false);
    await services.session.signOut();
    await advance(17 * 3600_000 + 1000);
    await signInAnna();
    expect((await services.preparation.state()).bannerVisible).toBe(true);
  });

  it('sends a code, counts wrong codes down, then verifying links the account and hides the banner for good', async () => {
    await signInAnna();
    const sent = await services.preparation.sendCode(ANNA_EMAIL);
    expect(sent).toMatchObject({ status: 'code-sent', pending: { email: ANNA_EMAIL, attemptsLeft: 5 } });
    const mail = (await outbox(ANNA_EMAIL))[0];
    expect(mail?.template).toBe('verify-email');
    expect(mail?.text).toContain('Hej Anna');
    expect(mail?.text).toContain('Koden är giltig i 30 minuter.');
    const code = await lastCode(ANNA_EMAIL);

    await expect(services.preparation.verify(wrong(code))).rejects.toMatchObject({ code: 'prep.code-wrong', params: { attemptsLeft: 4 } });
    expect((await services.preparation.state()).pending).toMatchObject({ email: ANNA_EMAIL, attemptsLeft: 4 });

    expect(await services.preparation.verify(code)).toEqual({ status: 'linked', email: ANNA_EMAIL, accountCreated: true });
    const view = await services.preparation.state();
    expect(view).toMatchObject({ linked: true, linkedEmail: ANNA_EMAIL, bannerVisible: false, pending: null });
    await expect(services.preparation.sendCode(ANNA_EMAIL)).rejects.toMatchObject({ code: 'prep.already-linked' });
  });

  it('a code older than 30 minutes is refused as expired', async () => {
    await signInAnna();
    await services.preparation.sendCode(ANNA_EMAIL);
    const code = await lastCode(ANNA_EMAIL);
    await advance(31 * 60_000);
    await expect(services.preparation.verify(code)).rejects.toMatchObject({ code: 'prep.code-expired' });
  });

  it('five wrong codes kill the code; a resend is rate limited for a minute and the old code stops working', async () => {
    await signInAnna();
    await services.preparation.sendCode(ANNA_EMAIL);
    const first = await lastCode(ANNA_EMAIL);
    await expect(services.preparation.sendCode(ANNA_EMAIL)).rejects.toMatchObject({ code: 'prep.rate-limited', params: { seconds: 60 } });
    await advance(61_000);
    await services.preparation.sendCode(ANNA_EMAIL);
    const second = await lastCode(ANNA_EMAIL);
    if (first !== second) await expect(services.preparation.verify(first)).rejects.toMatchObject({ code: 'prep.code-wrong' });
    for (let i = 0; i < 3; i++) await services.preparation.verify(wrong(second)).catch(() => undefined);
    await expect(services.preparation.verify(wrong(second))).rejects.toMatchObject({ code: 'prep.too-many-attempts' });
    // The dead code is gone: only a new code helps now.
    await expect(services.preparation.verify(second)).rejects.toMatchObject({ code: 'prep.no-pending-code' });
    expect((await services.preparation.state()).pending).toBeNull();
  });

  it('a company that skips verification links at once, with no email', async () => {
    await services.session.legacySignIn('per', DEMO.legacy.password);
    const r = await services.preparation.sendCode('per.lind@lillabolaget.se');
    expect(r).toEqual({ status: 'linked', email: 'per.lind@lillabolaget.se', accountCreated: true });
    expect(await outbox('per.lind@lillabolaget.se')).toEqual([]);
  });

  it('a bad address is refused as an invalid email', async () => {
    await signInAnna();
    await expect(services.preparation.sendCode('not-an-address')).rejects.toMatchObject({
      code: 'field.invalid',
      params: { field: 'email' },
    });
  });
});
