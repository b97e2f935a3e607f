import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/hrm-fixtures';
import { HrmApp } from './support/hrm-pages';
import { PrepApp } from './support/prep-pages';
import { DEMO } from './support/demo-accounts';
import { codeIn, totpAt } from './support/mock-control';

/**
 * Issue 14: seeds 000-003 walked with the keyboard only, in Swedish. No click and no fill: Tab
 * (or Shift+Tab) to a control, then Enter or Space, and typing where the focus already is. Each
 * step's field has the focus when it appears, so typing right away works.
 */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

async function press(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

test('seed 000 and 001/002: first sign-in through Forgot password, then 2FA with another app, by keyboard only (sv)', async ({
  page,
  app,
  mock,
}) => {
  test.setTimeout(120_000);
  const hrm = new HrmApp(page, app.host, 'sv');
  const { m } = hrm;
  const user = DEMO.twoFactor;
  await hrm.open();
  await press(page, page.getByRole('radio', { name: new RegExp(m.server.embedded) }), 'Space');
  await press(page, page.getByRole('button', { name: m.server.save }));

  // Seed 000: email, Next, Forgot your password?, I'm not a robot, Reset password.
  await expect(page.getByLabel(m.signIn.email, { exact: true })).toBeFocused();
  await page.keyboard.type(user.email);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(m.signIn.password, { exact: true })).toBeFocused();
  await press(page, page.getByRole('button', { name: m.signIn.forgot }));
  await press(page, page.getByRole('checkbox', { name: m.forgot.robot }), 'Space');
  await expect(page.getByRole('checkbox', { name: m.forgot.robot })).toBeChecked();
  await press(page, page.getByRole('button', { name: m.forgot.reset }));
  await expect(page.getByRole('heading', { name: m.checkEmail.resetTitle })).toBeVisible();
  const mail = await mock.waitForMessage(user.email, /reset/);
  await press(page, page.getByRole('link', { name: m.checkEmail.openMailbox }));
  await press(page, page.getByRole('button', { name: mail.links[0]?.label ?? '' }).first());
  await expect(page.getByLabel(m.reset.newPassword, { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO.newPassword);
  await tabTo(page, page.getByLabel(m.reset.confirm, { exact: true }));
  await page.keyboard.type(DEMO.newPassword);
  await page.keyboard.press('Enter');
  await expect(page.getByText(m.reset.done)).toBeVisible();
  await press(page, page.getByRole('button', { name: m.reset.toSignIn }));
  await expect(page.getByLabel(m.signIn.email, { exact: true })).toHaveValue(user.email);
  await press(page, page.getByRole('button', { name: m.signIn.next }));
  await expect(page.getByLabel(m.signIn.password, { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO.newPassword);
  await page.keyboard.press('Enter');

  // Seed 001/002: Enable, another Authenticator app (QR + key, Next; the code, Next), SMS, the emergency code.
  await press(page, page.getByRole('button', { name: m.setup.enable }));
  await press(page, page.getByRole('button', { name: m.setup.otherApp }));
  const manualKey = (await page.getByTestId('totp-manual-key').textContent()) ?? '';
  await press(page, page.getByRole('button', { name: m.setup.next }));
  await expect(page.getByLabel(m.setup.codeLabel)).toBeFocused();
  await page.keyboard.type(await totpAt(manualKey, await mock.now()));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: m.setup.smsTitle })).toBeVisible();
  await tabTo(page, page.getByLabel(m.setup.phone, { exact: true }));
  await page.keyboard.type('0701234567');
  await page.keyboard.press('Enter');
  const sms = await mock.waitForMessage('+46701234567', /.*/);
  await tabTo(page, page.getByLabel(/SMS/));
  await page.keyboard.type(codeIn(sms));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: m.setup.emergencyTitle })).toBeVisible();
  await press(page, page.getByRole('checkbox', { name: m.setup.stored }), 'Space');
  await press(page, page.getByRole('button', { name: m.setup.done }));
  await hrm.expectHome(user.name);
});

test('seed 003: prepare the account from the banner by keyboard only (sv)', async ({ page, app, mock }) => {
  const prep = new PrepApp(page, app.host, 'sv');
  const { m } = prep.hrm;
  await prep.open();
  await press(page, page.getByRole('button', { name: m.legacy.useLegacy }));
  await expect(page.getByLabel(m.legacy.userId)).toBeFocused();
  await page.keyboard.type('anna');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Demo1234!');
  await page.keyboard.press('Enter');
  await prep.hrm.expectHome('Anna Svensson');
  await press(page, prep.banner.getByRole('button', { name: prep.p.banner.goToSettings }));
  await prep.expectAccountSettings();
  await tabTo(page, prep.emailField);
  await page.keyboard.type('anna.svensson@foretaget.se');
  const since = await mock.now();
  await press(page, page.getByRole('button', { name: prep.p.verify.verifyAccount }));
  const mail = await mock.waitForMessage('anna.svensson@foretaget.se', /verify/, since);
  await expect(prep.codeField).toBeFocused();
  await page.keyboard.type(codeIn(mail));
  await page.keyboard.press('Enter');
  await prep.expectAllSet('anna.svensson@foretaget.se');
});
