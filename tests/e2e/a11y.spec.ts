import { test, expect } from './support/hrm-fixtures';
import { HrmApp, type Lang } from './support/hrm-pages';
import { AdminApp, fill, prepareOverHttp } from './support/admin-pages';
import { AxeAudit } from './support/axe';
import { DEMO } from './support/demo-accounts';
import { codeIn, totpAt } from './support/mock-control';

/**
 * Issue 14: axe-core on every main screen, in Swedish and English: 0 serious and 0 critical
 * findings (accessible names that contain the visible text, contrast, labels, one main landmark).
 * The walk is seed 000 -> 001/002 (first sign-in, 2FA set-up on both paths), the authenticator,
 * settings, account preparation, the Connect account page and the administration page.
 */
test.use({ actionTimeout: 10_000 });

for (const lang of ['en', 'sv'] as Lang[]) {
  test(`axe: every main screen has no serious or critical finding (${lang})`, async ({ page, app, mock }) => {
    test.setTimeout(240_000);
    const hrm = new HrmApp(page, app.host, lang);
    const { m } = hrm;
    const admin = new AdminApp(hrm);
    // English that used to show in the Swedish UI (issue 14): the app's name for its authenticator,
    // the server's device words, the browser's validation bubbles' usual words.
    const axe = new AxeAudit(
      page,
      lang === 'sv' ? /(?<!(Visma|Google|Microsoft) )\bAuthenticator\b(?!-app)|Local network|Unknown device|\bPlease\b|\bSign in\b/ : null,
    );
    const user = DEMO.twoFactor;
    // The administration page then lists a linked and a waiting user, with their buttons.
    await prepareOverHttp(mock, 'anna', 'anna.svensson@foretaget.se', true);
    await prepareOverHttp(mock, 'erik', 'erik.johansson@foretaget.se', false);

    await hrm.open();
    await expect(page.getByRole('heading', { name: m.server.title })).toBeVisible();
    await axe.check('server choice');
    await hrm.chooseBuiltInServer();
    await expect(page.getByLabel(m.signIn.email, { exact: true })).toBeVisible();
    await axe.check('sign-in email');
    await hrm.enterEmail(user.email);
    await expect(page.getByLabel(m.signIn.password, { exact: true })).toBeVisible();
    await axe.check('sign-in password');
    await hrm.enterPassword('not the password');
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
    await axe.check('sign-in password error');

    await page.getByRole('button', { name: m.signIn.forgot }).click();
    await page.getByRole('checkbox', { name: m.forgot.robot }).check();
    await axe.check('forgot password');
    await page.getByRole('button', { name: m.forgot.reset }).click();
    await expect(page.getByRole('heading', { name: m.checkEmail.resetTitle })).toBeVisible();
    await axe.check('check email');
    const mail = await mock.waitForMessage(user.email, /reset/);
    await page.getByRole('link', { name: m.checkEmail.openMailbox }).click();
    await expect(page.getByRole('heading', { name: hrm.messages.mailbox.title })).toBeVisible();
    await axe.check('mailbox');
    await page
      .getByRole('button', { name: mail.links[0]?.label ?? '' })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: m.reset.title })).toBeVisible();
    await page.getByLabel(m.reset.newPassword, { exact: true }).fill('short');
    await axe.check('set password');
    await hrm.setNewPassword(DEMO.newPassword);
    await axe.check('password set');
    await page.getByRole('button', { name: m.reset.toSignIn }).click();
    await page.getByRole('button', { name: m.signIn.next }).click();
    await hrm.enterPassword(DEMO.newPassword);

    // 2FA set-up: prompt, start, the phone path's screens, another app's two screens, SMS, emergency code.
    await expect(page.getByRole('heading', { name: m.setup.promptTitle })).toBeVisible();
    await axe.check('2FA prompt');
    await page.getByRole('button', { name: m.setup.enable }).click();
    await expect(page.getByRole('heading', { name: m.setup.startTitle })).toBeVisible();
    await axe.check('2FA start');
    await page.getByRole('button', { name: hrm.flow.usePhone }).click();
    await expect(page.getByRole('heading', { name: hrm.flow.downloadTitle })).toBeVisible();
    await axe.check('2FA phone download');
    await page.getByRole('button', { name: m.setup.next }).click();
    await expect(page.getByRole('heading', { name: hrm.flow.qrTitle })).toBeVisible();
    await expect(page.getByTestId('push-manual-key')).toBeVisible();
    await axe.check('2FA phone QR and key');
    await page.getByRole('button', { name: m.setup.back }).click();
    await page.getByRole('button', { name: m.setup.back }).click();
    await page.getByRole('button', { name: m.setup.otherApp }).click();
    await expect(page.getByRole('img', { name: m.setup.qrAlt })).toBeVisible();
    await axe.check('2FA other app QR');
    const manualKey = (await page.getByTestId('totp-manual-key').textContent()) ?? '';
    await page.getByRole('button', { name: m.setup.next }).click();
    await expect(page.getByRole('heading', { name: hrm.flow.totpCodeTitle })).toBeVisible();
    await axe.check('2FA other app code');
    await page.getByLabel(m.setup.codeLabel).fill(await totpAt(manualKey, await mock.now()));
    await page.getByRole('button', { name: m.setup.next }).click();
    await expect(page.getByRole('heading', { name: m.setup.smsTitle })).toBeVisible();
    await axe.check('2FA SMS');
    await page.getByLabel(m.setup.phone, { exact: true }).fill('0701234567');
    await page.getByRole('button', { name: m.setup.next }).click();
    const sms = await mock.waitForMessage('+46701234567', /.*/);
    await axe.check('2FA SMS code');
    await page.getByLabel(/SMS/).fill(codeIn(sms));
    await page.getByRole('button', { name: m.setup.next }).click();
    await expect(page.getByRole('heading', { name: m.setup.emergencyTitle })).toBeVisible();
    await axe.check('2FA emergency code');
    await page.getByRole('checkbox', { name: m.setup.stored }).check();
    await page.getByRole('button', { name: m.setup.done }).click();
    await hrm.expectHome(user.name);
    await axe.check('HRM home (Connect)');

    await hrm.goto('/connect/account');
    await expect(page.getByRole('heading', { name: admin.c.title, level: 1 })).toBeVisible();
    await axe.check('Connect account');
    await hrm.goto('/authenticator');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axe.check('authenticator (empty)');
    await hrm.goto('/authenticator/add');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axe.check('add account');
    await app.host.core.dispatch('vault.addAccount', {
      source: 'uri',
      uri: 'otpauth://totp/Example:anna@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    });
    await hrm.goto('/authenticator');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axe.check('authenticator (accounts)');
    await hrm.goto('/settings');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axe.check('settings');
    await hrm.goto('/settings/connect');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axe.check('settings: Visma Connect');

    // Sign in with 2FA: the code step.
    await hrm.goto('/hrm');
    await hrm.signOut();
    await mock.advanceClock(30_000);
    await hrm.signIn(user.email, DEMO.newPassword);
    await expect(page.getByRole('heading', { name: m.mfa.totpTitle })).toBeVisible();
    await axe.check('2FA code at sign-in');
    await hrm.enterMfaCode('000000');
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
    await axe.check('2FA code at sign-in, wrong code');
    await page.getByRole('button', { name: m.mfa.tryAnother }).click();
    await axe.check('2FA other ways');

    await page.getByRole('button', { name: m.mfa.methodTotp }).click();
    await hrm.enterMfaCode(await totpAt(manualKey, await mock.now()));
    await hrm.expectHome(user.name);
    await hrm.signOut();

    // Before the cutover: the user-ID sign-in, the home with the banner, account preparation, admin.
    await hrm.goto('/hrm/server');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axe.check('server settings');
    await hrm.goto('/hrm');
    await axe.check('user-ID choice');
    await admin.legacySignIn('maria', 'Demo1234!');
    await hrm.expectHome('Maria Lindqvist');
    await axe.check('HRM home (user ID, banner)');
    await hrm.goto('/hrm/profile/account-settings');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axe.check('account settings');
    await hrm.goto('/hrm');
    await admin.openAdministration();
    await axe.check('administration');
    await admin
      .row('Anna Svensson')
      .getByRole('button', { name: fill(admin.a.users.removeLabel, { name: 'Anna Svensson' }) })
      .click();
    await expect(admin.dialog(admin.a.users.removeTitle)).toBeVisible();
    await axe.check('administration: remove connection dialog');

    expect(axe.screens.length).toBeGreaterThan(25);
    expect(axe.findings, axe.report()).toEqual([]);
  });
}
