import { test, expect } from './support/hrm-fixtures';
import { HrmApp, type Lang } from './support/hrm-pages';

const LANGS: Lang[] = ['en', 'sv'];
import { DEMO } from './support/demo-accounts';
import { setPasswordOverHttp } from './support/accounts';

for (const lang of LANGS) {
  test(`lockout after repeated wrong passwords, with how long it lasts (${lang})`, async ({ page, app, mock }) => {
    const hrm = new HrmApp(page, app.host, lang);
    const user = DEMO.twoFactor;
    await setPasswordOverHttp(mock, user.email, DEMO.newPassword);
    await hrm.open();
    await hrm.chooseBuiltInServer();
    await hrm.enterEmail(user.email);
    const locked = page.getByRole('alert').filter({ hasText: hrm.e['session.locked'].minutes.replace('{minutes}', '30') });
    for (let attempt = 1; attempt <= 9 && !(await locked.isVisible()); attempt++) {
      await hrm.enterPassword(`Wrong-password-${attempt}`);
      await expect(page.locator('.hrm-error[role=alert]')).toBeVisible();
    }
    await expect(locked).toBeVisible();
    await hrm.shot('locked');
    // Even the right password is refused while locked.
    await hrm.enterPassword(DEMO.newPassword);
    await expect(page.locator('.hrm-error[role=alert]')).toContainText(/30|29/);
  });
}

for (const lang of LANGS) {
  test(`SSO company signs in through its identity provider (${lang})`, async ({ page, app }) => {
    const hrm = new HrmApp(page, app.host, lang);
    const { m } = hrm;
    const user = DEMO.sso;
    await hrm.open();
    await hrm.chooseBuiltInServer();
    await hrm.enterEmail(user.email);
    const ssoButton = page.getByRole('button', { name: m.signIn.sso.replace('{provider}', user.provider) });
    await expect(ssoButton).toBeVisible();
    await expect(page.getByLabel(m.signIn.password, { exact: true })).toBeHidden();
    await hrm.shot('sso');
    await ssoButton.click();
    await expect(page.getByRole('heading', { name: user.provider })).toBeVisible();
    await hrm.shot('sso-idp');
    await page.getByRole('button', { name: m.idp.continue }).click();
    const prompt = page.getByRole('button', { name: m.setup.later });
    await prompt
      .or(page.getByRole('button', { name: m.home.signOut }))
      .first()
      .waitFor();
    if (await prompt.isVisible()) await prompt.click();
    await hrm.expectHome(user.name);
  });
}

for (const lang of LANGS) {
  test(`legacy sign-in before cutover, and the server choice refuses plain http (${lang})`, async ({ page, app }) => {
    const hrm = new HrmApp(page, app.host, lang);
    const { m } = hrm;
    await hrm.open();
    await page.getByRole('radio', { name: new RegExp(m.server.custom) }).check();
    await page.getByLabel(m.server.url, { exact: true }).fill('http://hrm.example.com');
    await page.getByRole('button', { name: m.server.save }).click();
    await hrm.expectError(hrm.e['session.invalid-url']);
    await page.getByRole('radio', { name: new RegExp(m.server.embedded) }).check();
    await page.getByRole('button', { name: m.server.save }).click();

    await page.getByRole('button', { name: m.legacy.useLegacy }).click();
    await page.getByLabel(m.legacy.userId).fill(DEMO.legacy.userId);
    await page.getByLabel(m.legacy.password).fill('not-the-password');
    await page.getByRole('button', { name: m.legacy.signIn, exact: true }).click();
    await hrm.expectError(hrm.e['session.invalid-legacy-credentials']);
    await hrm.shot('legacy');
    await page.getByLabel(m.legacy.password).fill(DEMO.legacy.password);
    await page.getByRole('button', { name: m.legacy.signIn, exact: true }).click();
    await hrm.expectHome(DEMO.legacy.name);
    await expect(page.getByTestId('home-identity')).toHaveText(DEMO.legacy.userId);
  });
}
