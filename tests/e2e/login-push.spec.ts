import { test, expect } from './support/hrm-fixtures';
import { HrmApp, type Lang } from './support/hrm-pages';

const LANGS: Lang[] = ['en', 'sv'];
import { SimulatedPhone } from '../../electron/mock/phone/simulated-phone';
import { DEMO } from './support/demo-accounts';
import { setPasswordOverHttp } from './support/accounts';

/**
 * Push enrolment in this app's own authenticator (consent screen with the verification code),
 * then a sign-in approved by push with number matching; a denied push is refused.
 */
for (const lang of LANGS) {
  test(`push enrolment into this computer and push sign-in with number matching (${lang})`, async ({ page, app, mock }) => {
    const hrm = new HrmApp(page, app.host, lang);
    const { m } = hrm;
    const push = hrm.messages.push;
    const user = DEMO.push;
    await setPasswordOverHttp(mock, user.email, DEMO.newPassword);

    await hrm.open();
    await hrm.chooseBuiltInServer();
    await hrm.signIn(user.email, DEMO.newPassword);
    await page.getByRole('button', { name: m.setup.enable }).click();
    await page.getByRole('button', { name: m.setup.addLocal }).click();

    // The consent screen lists the permissions and the verification code to match.
    await expect(page.getByRole('heading', { name: m.setup.consentTitle, exact: true })).toBeVisible();
    await expect(page.getByText(m.setup.consentWants)).toBeVisible();
    await expect(page.getByText(m.setup.permConfigure)).toBeVisible();
    await expect(page.getByTestId('consent-code')).toHaveText(/^[A-Z0-9]{4,}$/);
    await hrm.shot('2fa-push-consent');
    await page.getByRole('button', { name: m.setup.accept }).click();
    await page.getByRole('button', { name: m.setup.skip, exact: true }).click();
    await page.getByRole('checkbox', { name: m.setup.stored }).check();
    await page.getByRole('button', { name: m.setup.done }).click();
    await hrm.expectHome(user.name);
    await hrm.signOut();

    // Sign in: the number is shown here and picked in the authenticator's prompt.
    await hrm.signIn(user.email, DEMO.newPassword);
    await expect(page.getByRole('heading', { name: m.mfa.pushTitle })).toBeVisible();
    const number = ((await page.getByTestId('push-number').textContent()) ?? '').trim();
    expect(number).toMatch(/^\d{2}$/);
    await hrm.shot('mfa-push');
    await hrm.goto('/authenticator');
    await expect(page.getByRole('heading', { name: push.title })).toBeVisible();
    await page.getByRole('radio', { name: number, exact: true }).check();
    await hrm.shot('push-prompt');
    await page.getByRole('button', { name: push.approve }).click();
    await expect(page.getByRole('heading', { name: push.title })).toBeHidden();
    await hrm.goto('/hrm');
    await hrm.expectHome(user.name);
    await hrm.signOut();

    // A denied push is refused.
    await hrm.signIn(user.email, DEMO.newPassword);
    await expect(page.getByTestId('push-number')).toHaveText(/^\d{2}$/);
    await hrm.goto('/authenticator');
    await page.getByRole('button', { name: push.deny }).click();
    await hrm.goto('/hrm');
    await expect(page.getByText(m.mfa.pushDenied)).toBeVisible();
    await expect(page.getByRole('heading', { name: m.home.welcome.replace('{name}', user.name) })).toBeHidden();

    // Defect (issue 14): a wrong number vanished silently in the authenticator and the sign-in
    // said only "denied". Both sides now say the number was wrong.
    await page.getByRole('button', { name: m.mfa.pushResend }).click();
    // Read the new request's number once it is pending.
    await expect(page.getByRole('status').filter({ hasText: m.mfa.pushWaiting })).toBeVisible();
    await expect(page.getByRole('button', { name: m.mfa.pushResend })).toBeHidden();
    const shown = ((await page.getByTestId('push-number').textContent()) ?? '').trim();
    await hrm.goto('/authenticator');
    await expect(page.getByRole('heading', { name: push.title })).toBeVisible();
    // A radio input has no text of its own, so filtering radios by text matched every one and
    // sometimes picked the right number: pick by value, which is the number it stands for.
    const choices = await page.getByRole('radio').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const wrong = choices.find((c) => c !== shown);
    if (wrong === undefined) throw new Error(`no choice other than ${shown} among ${choices.join(', ')}`);
    await page.getByRole('radio', { name: wrong, exact: true }).check();
    await page.getByRole('button', { name: push.approve }).click();
    await expect(page.getByRole('alert').filter({ hasText: hrm.e['session.push-wrong-number'] })).toBeVisible();
    await hrm.goto('/hrm');
    await expect(page.getByRole('alert').filter({ hasText: m.mfa.pushWrongNumber })).toBeVisible();
  });
}

/**
 * Seeds 001/002's Visma Authenticator path with the simulated phone: the download screen, the QR
 * with "Can't scan the QR code?" and its key, consent once the phone registers (the desktop
 * stayed on "Get started with 2FA" before), then a push sign-in answered on the phone.
 * A reload at each step shows the same step again.
 */
for (const lang of LANGS) {
  test(`2FA with Visma Authenticator on a (simulated) phone, then a push sign-in (${lang})`, async ({ page, app, mock }) => {
    const hrm = new HrmApp(page, app.host, lang);
    const { m, flow } = hrm;
    const user = DEMO.push;
    await setPasswordOverHttp(mock, user.email, DEMO.newPassword);
    await hrm.open();
    await hrm.chooseBuiltInServer();
    await hrm.signIn(user.email, DEMO.newPassword);
    await page.getByRole('button', { name: m.setup.enable }).click();
    await page.getByRole('button', { name: flow.usePhone }).click();

    await expect(page.getByRole('heading', { name: flow.downloadTitle, level: 1 })).toBeVisible();
    await expect(page.getByText(flow.download1)).toBeVisible();
    await expect(page.getByText(flow.appStore)).toBeVisible();
    await expect(page.getByText(flow.googlePlay)).toBeVisible();
    await expect(page.getByRole('button', { name: m.setup.otherApp })).toBeVisible();
    await hrm.shot('2fa-phone-download');
    await hrm.reload();
    await page.getByRole('button', { name: m.setup.next }).click();

    await expect(page.getByRole('heading', { name: flow.qrTitle })).toBeVisible();
    await expect(page.getByText(flow.cantScan)).toBeVisible();
    await expect(page.getByText(flow.manualKeyLabel, { exact: true })).toBeVisible();
    const key = (await page.getByTestId('push-manual-key').textContent()) ?? '';
    await hrm.shot('2fa-phone-qr');
    await hrm.reload();
    await expect(page.getByTestId('push-manual-key')).toHaveText(key);

    const phone = new SimulatedPhone(app.host.mock.url, 'Pixel 8');
    const added = await phone.register(key);
    expect(added.email).toBe(user.email);
    await expect(page.getByRole('heading', { name: m.setup.consentTitle, exact: true })).toBeVisible();
    await expect(page.getByTestId('consent-code')).toHaveText(added.verificationCode);
    await hrm.reload();
    await expect(page.getByTestId('consent-code')).toHaveText(added.verificationCode);
    await page.getByRole('button', { name: m.setup.accept }).click();
    await page.getByRole('button', { name: m.setup.skip, exact: true }).click();
    await page.getByRole('checkbox', { name: m.setup.stored }).check();
    await page.getByRole('button', { name: m.setup.done }).click();
    await hrm.expectHome(user.name);
    await hrm.signOut();

    await hrm.signIn(user.email, DEMO.newPassword);
    const number = ((await page.getByTestId('push-number').textContent()) ?? '').trim();
    await expect.poll(async () => (await phone.pending()).length).toBe(1);
    const [request] = await phone.pending();
    expect(await phone.answer(request?.id ?? '', true, number)).toBe('approved');
    await hrm.expectHome(user.name);
  });
}
