import { test, expect } from './support/fixtures';
import { AuthenticatorPage } from './support/authenticator-page';
import { HrmApp } from './support/hrm-pages';

/**
 * Visual regressions of the views whose look matters most and holds still (no codes, clocks or
 * random numbers on them): Playwright's toHaveScreenshot against the PNGs in visual.spec.ts-snapshots.
 * After a deliberate change of look: `npx playwright test tests/e2e/visual.spec.ts --update-snapshots`.
 * The README's pictures are another thing: `npm run docs:screenshots` writes those.
 */
const shot = { fullPage: true, animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.002 } as const;

test('the empty authenticator', async ({ page, app }) => {
  const ui = new AuthenticatorPage(page, 'en');
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  await ui.open(app.host.url);
  await expect(page.getByRole('heading', { name: ui.m.authenticator.emptyTitle })).toBeVisible();
  await expect(page).toHaveScreenshot('authenticator-empty-en.png', shot);
});

test('the HRM sign-in: server choice, then the email', async ({ page, app }) => {
  const hrm = new HrmApp(page, app.host, 'sv');
  await hrm.open();
  await expect(page.getByRole('heading', { name: hrm.m.server.title })).toBeVisible();
  await expect(page).toHaveScreenshot('hrm-server-choice-sv.png', shot);
  await hrm.chooseBuiltInServer();
  await expect(page.getByLabel(hrm.m.signIn.email, { exact: true })).toBeVisible();
  await expect(page).toHaveScreenshot('hrm-sign-in-email-sv.png', shot);
});
