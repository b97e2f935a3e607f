import { test, expect } from './support/hrm-fixtures';
import { HrmApp, type Lang } from './support/hrm-pages';
import { DEMO } from './support/demo-accounts';
import { setPasswordOverHttp } from './support/accounts';

/**
 * Issue 14: the sign-in survives what people do. Empty fields are named in the app's language
 * (no browser bubbles, which are English in a Swedish UI); focus follows every step and error;
 * a second click on "Sign in" after an error does not land on "Forgot your password?"; a
 * 10,000-character password gets its own message; SSO "Cancel" comes back to the sign-in.
 */
for (const lang of ['sv', 'en'] as Lang[]) {
  test(`sign-in from the keyboard, with empty fields, a double click after an error and a 10,000-character password (${lang})`, async ({
    page,
    app,
    mock,
  }) => {
    const hrm = new HrmApp(page, app.host, lang);
    const { m } = hrm;
    const user = DEMO.twoFactor;
    await setPasswordOverHttp(mock, user.email, DEMO.newPassword);
    await hrm.open();
    await hrm.chooseBuiltInServer();

    // Empty: the form says so itself, in the UI's language, and keeps the focus in the field.
    const email = page.getByLabel(m.signIn.email, { exact: true });
    await email.fill('');
    await page.getByRole('button', { name: m.signIn.next }).click();
    await expect(page.getByRole('alert').filter({ hasText: m.required.email })).toBeVisible();
    await expect(email).toBeFocused();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    // The browser's own (untranslated) validation never runs: the form has novalidate.
    await expect(page.locator('form:has(#signin-email)')).toHaveAttribute('novalidate', '');

    // Keyboard only: type, Enter; the password step has the focus, so typing goes on there.
    await page.keyboard.type(user.email);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: m.signIn.title })).toBeVisible();
    const password = page.getByLabel(m.signIn.password, { exact: true });
    await expect(password).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: m.required.password })).toBeVisible();
    await expect(password).toBeFocused();

    // A wrong password: the error appears above, focus is back in the field (not on the body),
    // and a second click where "Sign in" was stays on the sign-in.
    const signIn = page.getByRole('button', { name: m.signIn.signIn, exact: true });
    const before = await signIn.boundingBox();
    await page.keyboard.type('not the password');
    await signIn.click();
    await hrm.expectError(hrm.errorText('session.invalid-credentials'));
    await expect(password).toBeFocused();
    if (!before) throw new Error('no Sign in button');
    await page.mouse.click(before.x + before.width / 2, before.y + before.height / 2);
    await expect(page.getByRole('heading', { name: m.forgot.title })).toBeHidden();
    await expect(password).toBeVisible();

    // 10,000 characters: named as too long, not "Something went wrong".
    await password.fill('x'.repeat(10_000));
    await signIn.click();
    await hrm.expectError(hrm.e['field.invalid'].password);
    await expect(password).toBeFocused();

    // And the right one, from the keyboard.
    await password.fill('');
    await page.keyboard.type(DEMO.newPassword);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: m.setup.promptTitle })).toBeVisible();
  });
}

test('the user-ID sign-in names an empty field in Swedish, and SSO "Cancel" comes back to the sign-in (sv)', async ({ page, app }) => {
  const hrm = new HrmApp(page, app.host, 'sv');
  const { m } = hrm;
  await hrm.open();
  await hrm.chooseBuiltInServer();
  await page.getByRole('button', { name: m.legacy.useLegacy }).click();
  await expect(page.getByLabel(m.legacy.userId)).toBeFocused();
  await page.getByRole('button', { name: m.legacy.signIn, exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: m.required.userId })).toBeVisible();
  await expect(page.getByLabel(m.legacy.userId)).toBeFocused();
  await page.getByLabel(m.legacy.userId).fill('anna');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: m.required.password })).toBeVisible();
  await expect(page.getByLabel(m.legacy.password)).toBeFocused();
  await page.getByRole('button', { name: m.legacy.useConnect }).click();

  // SSO: the identity provider's page, Cancel -> back at the sign-in, told why.
  await hrm.enterEmail(DEMO.sso.email);
  await page.getByRole('button', { name: m.signIn.sso.replace('{provider}', DEMO.sso.provider) }).click();
  await expect(page.getByRole('heading', { name: DEMO.sso.provider })).toBeVisible();
  await page.getByRole('button', { name: m.idp.cancel }).click();
  await expect(page.getByRole('heading', { name: DEMO.sso.provider })).toBeHidden();
  await hrm.expectError(hrm.errorText('session.sso-cancelled'));
  await expect(
    page
      .getByLabel(m.signIn.email, { exact: true })
      .or(page.getByRole('button', { name: m.signIn.sso.replace('{provider}', DEMO.sso.provider) })),
  ).toBeVisible();
});
