import { test, expect } from './support/fixtures';
import { AuthenticatorPage, fill, type Lang } from './support/authenticator-page';
import { organiseEn } from '../../renderer/src/i18n/organise/en';
import { organiseSv } from '../../renderer/src/i18n/organise/sv';

/**
 * Issue 12, the app lock through the browser host: turning it on in Settings (with its refusals),
 * "Lock now", the system's lock events (the browser host has no powerMonitor: the core API takes
 * them), main refusing codes while locked, unlocking (wrong and right password), starting locked
 * after a restart, and "hide codes until clicked". Idle auto-lock and the wait after repeated
 * wrong passwords are timed by main's clock: tests/unit/lock/lock-service.test.ts covers them.
 */
const O = { en: organiseEn, sv: organiseSv };
const PASSWORD = 'correct horse battery';
const GITHUB = { issuer: 'GitHub', label: 'anna@example.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY' };

test.afterEach(async ({ app }) => {
  // The fixture's clean-up lists the vault, which a locked app refuses.
  if (app.host.core.lock.isLocked) await app.host.core.lock.unlock(PASSWORD);
});

for (const lang of ['en', 'sv'] as Lang[]) {
  test(`turn the lock on, lock now, codes gone until the right password (${lang})`, async ({ page, app }) => {
    const ui = new AuthenticatorPage(page, lang);
    const l = O[lang].appLock;
    await app.host.core.dispatch('settings.updateSettings', { language: lang });
    await app.host.core.dispatch('vault.addAccount', { source: 'manual', ...GITHUB });
    await ui.open(app.host.url);
    await expect(ui.copyButton(GITHUB)).toBeVisible();
    const id = (await app.host.core.vault.list()).accounts[0]!.id;

    await ui.gotoSettings();
    const section = page.getByRole('region', { name: l.settingsTitle });
    await expect(section.getByText(l.off)).toBeVisible();
    const newPassword = section.getByLabel(l.newPassword, { exact: true });
    const repeat = section.getByLabel(l.repeat, { exact: true });
    await newPassword.fill(PASSWORD);
    await repeat.fill('something else');
    await section.getByRole('button', { name: l.turnOn }).click();
    await expect(repeat).toHaveAccessibleDescription(ui.e['lock.password-mismatch']);
    await newPassword.fill('short');
    await repeat.fill('short');
    await section.getByRole('button', { name: l.turnOn }).click();
    await expect(repeat).toHaveAccessibleDescription(fill(ui.e['lock.password-too-short'], { min: 8 }));
    await newPassword.fill(PASSWORD);
    await repeat.fill(PASSWORD);
    await section.getByRole('button', { name: l.turnOn }).click();
    await expect(ui.toast(l.turnedOn)).toBeVisible();
    await expect(section.getByText(l.on, { exact: true })).toBeVisible();

    await section.getByRole('button', { name: l.lockNow }).click();
    await expect(page.getByRole('heading', { level: 1, name: l.title })).toBeVisible();
    const field = page.getByLabel(l.password, { exact: true });
    await expect(field).toBeFocused();
    await ui.shot('authenticator-lock');
    // Nothing of the app, and main gives no code to anyone.
    await expect(page.getByRole('navigation')).toHaveCount(0);
    expect(await app.host.core.dispatch('vault.listAccounts', {})).toEqual({ ok: false, error: { code: 'lock.locked' } });
    expect(await app.host.core.dispatch('vault.copyCode', { id })).toEqual({ ok: false, error: { code: 'lock.locked' } });

    await field.fill('wrong password');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: ui.e['lock.wrong-password'] })).toBeVisible();
    await expect(field).toBeFocused();
    await field.fill(PASSWORD);
    await page.getByRole('button', { name: l.unlock }).click();
    await expect(page.getByRole('heading', { level: 1, name: l.title })).toBeHidden();
    await ui.gotoAuthenticator();
    await expect(ui.copyButton(GITHUB)).toBeVisible();
  });
}

test('the system locking or sleeping locks the app; after a restart it starts locked', async ({ page, app }) => {
  const ui = new AuthenticatorPage(page, 'en');
  const l = O.en.appLock;
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  await app.host.core.dispatch('vault.addAccount', { source: 'manual', ...GITHUB });
  await app.host.core.dispatch('lock.setPassword', { password: PASSWORD });
  await ui.open(app.host.url);
  await expect(ui.copyButton(GITHUB)).toBeVisible();

  // What Electron's powerMonitor 'lock-screen' / 'suspend' do; the open page follows main's event.
  app.host.core.lock.lockNow('system');
  await expect(page.getByRole('heading', { level: 1, name: l.title })).toBeVisible();
  await expect(ui.copyButton(GITHUB)).toHaveCount(0);
  await page.getByLabel(l.password, { exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await ui.gotoAuthenticator();
  await expect(ui.copyButton(GITHUB)).toBeVisible();

  const host = await app.restart();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: l.title })).toBeVisible();
  await page.getByLabel(l.password, { exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await ui.gotoAuthenticator();
  await expect(ui.copyButton(GITHUB)).toBeVisible();
});

test('"hide codes until clicked": dots until the first click, which shows the code; the next copies it', async ({ page, app }) => {
  const ui = new AuthenticatorPage(page, 'en');
  const l = O.en.appLock;
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  await app.host.core.dispatch('vault.addAccount', { source: 'manual', ...GITHUB });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.origin });
  await ui.open(app.host.url);
  await ui.gotoSettings();
  await page.getByRole('checkbox', { name: l.hideCodes }).check();
  await expect(ui.toast(l.saved)).toBeVisible();
  await ui.gotoAuthenticator();

  const reveal = page.getByRole('button', { name: fill(l.reveal, { name: 'GitHub: anna@example.com' }) });
  await expect(reveal).toBeVisible();
  await expect(ui.copyButton(GITHUB)).toHaveCount(0);
  await expect(ui.card(GITHUB)).not.toContainText(/\d{3} \d{3}/);
  await reveal.click();
  await expect(ui.copyButton(GITHUB)).toBeVisible();
  await ui.copyButton(GITHUB).click();
  await expect(ui.toast(fill(ui.m.account.copiedClears, { name: 'GitHub: anna@example.com', seconds: 30 }))).toBeVisible();
});
