import { test, expect } from './support/fixtures';
import { AuthenticatorPage } from './support/authenticator-page';
import { lockLogin, loginLocked, unlockLogin } from '../keychain/support/keyring-lock';

/**
 * Issue 10, item 1, as the user meets it: the real gnome-keyring login collection (the one
 * scripts/with-session.mjs starts) locked over D-Bus with the Secret Service's own Lock. The app
 * used to die with SIGSEGV inside keytar at start; now it starts, the authenticator explains the
 * locked keychain (what to do, Try again), and once the collection is unlocked Try again brings
 * the codes back without a restart.
 */
const GITHUB = { issuer: 'GitHub', label: 'anna.svensson@example.com', secret: 'JBSWY3DPEHPK3PXP' };

test.afterEach(async () => {
  // The login collection is shared by every later test: never leave it locked.
  if (loginLocked()) await unlockLogin();
});

for (const lang of ['en', 'sv'] as const) {
  test(`a locked keychain at start shows what to do, and Try again recovers once unlocked (${lang})`, async ({ page, app }) => {
    const ui = new AuthenticatorPage(page, lang);
    await app.host.core.dispatch('settings.updateSettings', { language: lang });
    expect(await app.host.core.dispatch('vault.addAccount', { source: 'manual', ...GITHUB })).toMatchObject({ ok: true });

    // Locked, then the app starts (a new host process on the same profile and keychain).
    lockLogin();
    await app.restart();
    await ui.open(app.host.url);
    const banner = page.getByRole('region', { name: ui.m.authenticator.keychain.lockedTitle });
    await expect(banner).toBeVisible();
    await expect(banner.getByText(ui.m.authenticator.keychain.lockedText)).toBeVisible();
    // No code is shown from a keychain that could not be read, and nothing pretends to be there.
    await expect(ui.copyButton(GITHUB)).toHaveCount(0);
    const tryAgain = banner.getByRole('button', { name: ui.m.common.tryAgain });

    // Still locked: Try again says the same, and the app keeps running.
    await tryAgain.click();
    await expect(banner).toBeVisible();

    // Unlocked outside the app (the user signs in to the keyring): Try again, no restart.
    await unlockLogin();
    await tryAgain.click();
    await expect(banner).toHaveCount(0);
    await expect(ui.copyButton(GITHUB)).toBeVisible();
    expect(await ui.code(GITHUB)).toMatch(/^\d{6}$/);
  });
}

test('a keychain locked while the app runs: an add is refused with the locked screen, and it recovers when unlocked', async ({
  page,
  app,
}) => {
  const ui = new AuthenticatorPage(page, 'en');
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  await ui.open(app.host.url);
  lockLogin();
  await ui.submitManual(GITHUB);
  await ui.gotoAuthenticator();
  const banner = page.getByRole('region', { name: ui.m.authenticator.keychain.lockedTitle });
  await expect(banner).toBeVisible();
  await expect(ui.copyButton(GITHUB)).toHaveCount(0);

  await unlockLogin();
  await banner.getByRole('button', { name: ui.m.common.tryAgain }).click();
  await expect(banner).toHaveCount(0);
  await ui.addManual(GITHUB);
  await expect(ui.copyButton(GITHUB)).toBeVisible();
});
