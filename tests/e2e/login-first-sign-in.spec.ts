import { test, expect } from './support/hrm-fixtures';
import { HrmApp, type Lang } from './support/hrm-pages';
import { DEMO } from './support/demo-accounts';

/**
 * Seed 000 (and the start of 001/002): the first sign-in of a user with no password yet:
 * email -> Next -> "Forgot your password?" -> "I'm not a robot" -> "Reset password" -> the link
 * from the mailbox -> set the password -> sign in. Run in both languages, with screenshots.
 */
for (const lang of ['en', 'sv'] as Lang[]) {
  test(`first sign-in through Forgot password (${lang})`, async ({ page, app, mock }) => {
    const hrm = new HrmApp(page, app.host, lang);
    const { m } = hrm;
    const user = DEMO.firstLogin;

    await hrm.open();
    await hrm.shot('server-choice');
    await hrm.chooseBuiltInServer();
    await expect(page.getByRole('checkbox', { name: m.signIn.saveEmail })).toBeVisible();
    await expect(page.getByText(m.signIn.saveEmailNote)).toBeVisible();
    await hrm.shot('email');
    await hrm.enterEmail(user.email, true);
    await expect(page.getByTestId('signin-identity')).toHaveText(user.email);
    await hrm.shot('password');

    await page.getByRole('button', { name: m.signIn.forgot }).click();
    await expect(page.getByLabel(m.forgot.email, { exact: true })).toHaveValue(user.email);
    await expect(page.getByLabel(m.forgot.email, { exact: true })).toHaveJSProperty('readOnly', true);
    await page.getByRole('checkbox', { name: m.forgot.robot }).check();
    await expect(page.getByRole('checkbox', { name: m.forgot.robot })).toBeChecked();
    await hrm.shot('forgot-password');
    await page.getByRole('button', { name: m.forgot.reset }).click();
    await expect(page.getByRole('heading', { name: m.checkEmail.resetTitle })).toBeVisible();
    await expect(page.getByText(m.checkEmail.text)).toBeVisible();
    await hrm.shot('check-email');

    // The in-app mailbox shows the email; its green button opens the link inside the app.
    const email = await mock.waitForMessage(user.email, /reset/);
    await page.getByRole('link', { name: m.checkEmail.openMailbox }).click();
    await expect(page.getByRole('heading', { name: hrm.messages.mailbox.title })).toBeVisible();
    const linkLabel = email.links[0]?.label ?? '';
    await expect(page.getByRole('button', { name: linkLabel }).first()).toBeVisible();
    await hrm.shot('mailbox');
    await page.getByRole('button', { name: linkLabel }).first().click();

    await expect(page.getByRole('heading', { name: m.reset.title })).toBeVisible();
    await page.getByLabel(m.reset.newPassword, { exact: true }).fill('short');
    await expect(page.getByRole('button', { name: m.reset.submit })).toBeDisabled();
    await hrm.shot('set-password');
    await hrm.setNewPassword(DEMO.newPassword);
    await page.getByRole('button', { name: m.reset.toSignIn }).click();

    // The saved email is filled in; no automatic sign-in happened after the reset.
    await expect(page.getByLabel(m.signIn.email, { exact: true })).toHaveValue(user.email);
    await page.getByRole('button', { name: m.signIn.next }).click();
    await hrm.enterPassword(DEMO.newPassword);
    await expect(page.getByRole('heading', { name: m.setup.promptTitle })).toBeVisible();
    await hrm.shot('2fa-prompt');
    await hrm.remindLater();
    await hrm.expectHome(user.name);
    await hrm.shot('home');
  });
}
