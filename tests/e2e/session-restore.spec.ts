import { test, expect } from './support/hrm-fixtures';
import { HrmApp, type Lang } from './support/hrm-pages';
import type { HostHandle } from './support/fixtures';
import { DEMO } from './support/demo-accounts';
import { setPasswordOverHttp } from './support/accounts';
import type { Page } from '@playwright/test';

/** Restarts the app (same profile, same keychain) and opens the new run's page on the HRM client. */
async function restartApp(page: Page, app: HostHandle, lang: Lang): Promise<HrmApp> {
  const host = await app.restart();
  const hrm = new HrmApp(page, host, lang);
  await hrm.open();
  return hrm;
}

/**
 * An office worker stays signed in when the app restarts, until signing out: the session lives
 * in the OS keychain (the fixture's own keychain service) and is checked with the server at start.
 */
test('a legacy HRM user is still signed in after a restart, and signed out after signing out (en)', async ({ page, app }) => {
  let hrm = new HrmApp(page, app.host, 'en');
  await hrm.open();
  await hrm.chooseBuiltInServer();
  await page.getByRole('button', { name: hrm.m.legacy.useLegacy }).click();
  await page.getByLabel(hrm.m.legacy.userId).fill(DEMO.legacy.userId);
  await page.getByLabel(hrm.m.legacy.password).fill(DEMO.legacy.password);
  await page.getByRole('button', { name: hrm.m.legacy.signIn, exact: true }).click();
  await hrm.expectHome(DEMO.legacy.name);

  hrm = await restartApp(page, app, 'en');
  await hrm.expectHome(DEMO.legacy.name);
  await expect(page.getByTestId('home-identity')).toHaveText(DEMO.legacy.userId);
  await hrm.shot('restored');

  await hrm.signOut();
  hrm = await restartApp(page, app, 'en');
  await expect(page.getByLabel(hrm.m.signIn.email, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: hrm.m.home.signOut })).toBeHidden();
});

test('a Connect user is still signed in after a restart, and signed out after signing out (sv)', async ({ page, app, mock }) => {
  const user = DEMO.twoFactor;
  await setPasswordOverHttp(mock, user.email, DEMO.newPassword);
  let hrm = new HrmApp(page, app.host, 'sv');
  await hrm.open();
  await hrm.chooseBuiltInServer();
  await hrm.signIn(user.email, DEMO.newPassword);
  // No 2FA yet: the set-up offer comes first; it belongs to this sign-in, not to the restart.
  await hrm.remindLater();
  await hrm.expectHome(user.name);

  hrm = await restartApp(page, app, 'sv');
  await hrm.expectHome(user.name);
  await expect(page.getByRole('button', { name: hrm.m.setup.later })).toBeHidden();
  await hrm.shot('restored');

  await hrm.signOut();
  hrm = await restartApp(page, app, 'sv');
  await expect(page.getByLabel(hrm.m.signIn.email, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: hrm.m.home.signOut })).toBeHidden();
});
