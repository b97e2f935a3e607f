import { Secret, TOTP } from 'otpauth';
import { test, expect } from './support/fixtures';
import { AuthenticatorPage, fill, type Lang } from './support/authenticator-page';

/**
 * The authenticator end to end through the browser host: the real renderer, the real vault
 * core and the real OS keychain (a Secret Service started by scripts/with-session.mjs).
 */

const GITHUB = { issuer: 'GitHub', label: 'anna.svensson@example.com', secret: 'JBSWY3DPEHPK3PXP' };
const PERIOD_MS = 30_000;

/** An independent computation: the code at `at`, and the codes one step either side. */
function acceptedCodes(secret: string, at: number): string[] {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return [at - PERIOD_MS, at, at + PERIOD_MS].map((timestamp) => totp.generate({ timestamp }));
}

/** The shown code equals the independent one; a period boundary between read and compute is tolerated. */
async function expectRightCode(ui: AuthenticatorPage, account: typeof GITHUB): Promise<void> {
  const shown = await ui.code(account);
  expect(shown).toMatch(/^\d{6}$/);
  const [previous, current, next] = acceptedCodes(account.secret, Date.now());
  expect([current, previous, next]).toContain(shown);
}

test('an account added by its key shows the right code, and is still there after a restart', async ({ page, app }) => {
  const ui = new AuthenticatorPage(page, 'en');
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  await ui.open(app.host.url);
  await expect(page.getByRole('heading', { name: ui.m.authenticator.emptyTitle })).toBeVisible();

  await ui.addManual(GITHUB);
  await expect(ui.toast(fill(ui.m.addAccount.added, { name: AuthenticatorPage.accountName(GITHUB) }))).toBeVisible();
  await expectRightCode(ui, GITHUB);
  const card = ui.card(GITHUB);
  await expect(card.getByText(new RegExp(`^${fill(ui.m.account.changesIn, { seconds: '\\d+' })}$`))).toBeAttached();
  await expect(card.getByText(new RegExp(`^${fill(ui.m.account.nextCode, { code: '\\d{3} \\d{3}' })}$`))).toBeVisible();

  // Copy on click: the code lands on the clipboard and the user is told so.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.origin });
  const code = await ui.code(GITHUB);
  await ui.copyButton(GITHUB).click();
  await expect(ui.toast(fill(ui.m.account.copied, { name: AuthenticatorPage.accountName(GITHUB) }))).toBeVisible();
  const clipboard = await page.evaluate(() =>
    (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
  );
  expect([code, ...acceptedCodes(GITHUB.secret, Date.now())]).toContain(clipboard);

  // Restart the host (a new process on the same profile and keychain) and open the app again.
  await app.restart();
  await ui.open(app.host.url);
  await expect(ui.copyButton(GITHUB)).toBeVisible();
  await expectRightCode(ui, GITHUB);
});

test('a wrong key and unsupported settings are refused with specific messages beside the field', async ({ page, app }) => {
  const ui = new AuthenticatorPage(page, 'en');
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  await ui.open(app.host.url);
  const f = ui.m.addAccount.manual;

  await ui.submitManual({ ...GITHUB, secret: 'not base32!' });
  await ui.expectFieldError(f.secret, ui.e['otp.secret-invalid-base32']);
  await expect(ui.field(f.secret)).toBeFocused();
  await expect(ui.heading(ui.m.addAccount.title)).toBeVisible();

  await ui.field(f.secret).fill('ABCDEFGH');
  await page.getByRole('button', { name: f.submit, exact: true }).click();
  await ui.expectFieldError(f.secret, fill(ui.e['otp.secret-too-short'], { minBits: 80 }));

  await ui.field(f.issuer).fill('');
  await ui.field(f.label).fill('');
  await ui.field(f.secret).fill(GITHUB.secret);
  await page.getByRole('button', { name: f.submit, exact: true }).click();
  await ui.expectFieldError(f.issuer, ui.e['otp.name-missing']);
  await expect(ui.field(f.secret)).not.toHaveAttribute('aria-invalid', 'true');

  await ui.gotoAuthenticator();
  await ui.submitUri(`otpauth://totp/GitHub:anna?secret=${GITHUB.secret}&digits=9`);
  await ui.expectFieldError(ui.m.addAccount.uri.field, fill(ui.e['otp.unsupported-digits'], { digits: 9 }));
  await ui.field(ui.m.addAccount.uri.field).fill('https://example.com/not-a-code');
  await page.getByRole('button', { name: ui.m.addAccount.uri.submit, exact: true }).click();
  await ui.expectFieldError(ui.m.addAccount.uri.field, ui.e['otp.not-an-authenticator-code']);
});

test('the same account twice is refused with its message', async ({ page, app }) => {
  const ui = new AuthenticatorPage(page, 'en');
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  await ui.open(app.host.url);
  await ui.addManual(GITHUB);

  await ui.submitManual({ ...GITHUB, issuer: 'github' });
  const text = fill(ui.e['vault.duplicate-account'], { name: AuthenticatorPage.accountName(GITHUB) });
  await expect(page.getByRole('alert').filter({ hasText: text })).toBeVisible();
  await ui.gotoAuthenticator();
  await expect(ui.page.getByRole('region', { name: ui.m.authenticator.listLabel }).getByRole('article')).toHaveCount(1);
});

test('pin, reorder, rename and delete work from the keyboard', async ({ page, app }) => {
  const ui = new AuthenticatorPage(page, 'en');
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  const accounts = [
    { issuer: 'Alpha', label: 'a@example.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY' },
    { issuer: 'Bravo', label: 'b@example.com', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOA' },
    { issuer: 'Charlie', label: 'c@example.com', secret: 'ONSWG4TFOQYTEMZUGU3DOOBZGA' },
  ];
  for (const a of accounts) await app.host.core.dispatch('vault.addAccount', { source: 'manual', ...a });
  await ui.open(app.host.url);
  await expect.poll(() => ui.order()).toEqual(['Alpha', 'Bravo', 'Charlie']);
  const [alpha, bravo, charlie] = accounts as [ManualAccountLike, ManualAccountLike, ManualAccountLike];

  await ui.accountButton('moveDown', alpha).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => ui.order()).toEqual(['Bravo', 'Alpha', 'Charlie']);
  await expect(ui.accountButton('moveDown', alpha)).toBeFocused();
  await page.keyboard.press('Space');
  await expect.poll(() => ui.order()).toEqual(['Bravo', 'Charlie', 'Alpha']);
  // At the end, the focus moves to the arrow that still works.
  await expect(ui.accountButton('moveUp', alpha)).toBeFocused();

  await ui.accountButton('pin', charlie).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => ui.order()).toEqual(['Charlie', 'Bravo', 'Alpha']);
  await expect(ui.accountButton('unpin', charlie)).toHaveAttribute('aria-pressed', 'true');

  await ui.accountButton('rename', bravo).focus();
  await page.keyboard.press('Enter');
  await expect(ui.field(ui.m.account.issuer)).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Bravo Bank');
  await page.keyboard.press('Enter');
  await expect(ui.toast(ui.m.account.renameDone)).toBeVisible();
  const renamed = { ...bravo, issuer: 'Bravo Bank' };
  await expect(ui.copyButton(renamed)).toBeVisible();

  // Delete asks first; Escape keeps the account, the confirm button removes it.
  await ui.accountButton('delete', renamed).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: fill(ui.m.account.deleteTitle, { name: AuthenticatorPage.accountName(renamed) }) });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: ui.m.common.cancel })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await ui.accountButton('delete', renamed).click();
  await dialog.getByRole('button', { name: ui.m.account.deleteConfirm }).click();
  await expect(ui.toast(fill(ui.m.account.deleteDone, { name: AuthenticatorPage.accountName(renamed) }))).toBeVisible();
  await expect.poll(() => ui.order()).toEqual(['Charlie', 'Alpha']);

  // Search filters by service or account name.
  await page.getByRole('searchbox', { name: ui.m.authenticator.search }).fill('alp');
  await expect.poll(() => ui.order()).toEqual(['Alpha']);
});

type ManualAccountLike = { issuer: string; label: string; secret: string };

test('switching the language to Svenska changes the UI and is remembered', async ({ page, app }) => {
  const ui = new AuthenticatorPage(page, 'en');
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  await page.goto(app.host.url);
  await ui.gotoSettings();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('radio', { name: 'Svenska', exact: true }).check();
  ui.useLanguage('sv');
  await expect(ui.heading(ui.m.settings.title)).toBeVisible();
  await expect(ui.navLink(ui.m.nav.mailbox)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(ui.toast(ui.m.settings.language.saved)).toBeVisible();

  await page.reload();
  await ui.gotoAuthenticator();
  await expect(page.getByRole('link', { name: ui.m.authenticator.add }).first()).toBeVisible();
});

for (const lang of ['en', 'sv'] as const satisfies readonly Lang[]) {
  test(`screenshots of the authenticator (${lang})`, async ({ page, app }) => {
    const ui = new AuthenticatorPage(page, lang);
    await app.host.core.dispatch('settings.updateSettings', { language: lang });
    const seed = [
      { issuer: 'Visma Connect', label: 'anna.svensson@nordbolaget.se', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF' },
      GITHUB,
      {
        issuer: 'Microsoft',
        label: 'anna.svensson@nordbolaget.onmicrosoft.com',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        algorithm: 'SHA256',
      },
      { issuer: 'Fortnox', label: 'anna.s', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', digits: 8 },
      { issuer: 'Bank ID token', label: 'Kontor Stockholm', secret: 'ONSWG4TFOQYTEMZUGU3DOOBZGAYTEMZU', type: 'hotp', counter: 4 },
    ];
    for (const a of seed) await app.host.core.dispatch('vault.addAccount', { source: 'manual', ...a });
    const list = await app.host.core.vault.list();
    const visma = list.accounts.find((a) => a.issuer === 'Visma Connect');
    if (visma) await app.host.core.dispatch('vault.pinAccount', { id: visma.id, pinned: true });

    await ui.open(app.host.url);
    await expect(ui.copyButton(GITHUB)).toBeVisible();
    // A calm moment for the picture: no hover, and not the last seconds of a period.
    await page.mouse.move(0, 790);
    await expect(ui.card(GITHUB).getByText(new RegExp(`^${fill(ui.m.account.changesIn, { seconds: '([12]\\d|30)' })}$`))).toBeAttached({
      timeout: 25_000,
    });
    await ui.shot('authenticator');
    if (lang === 'en') {
      await page.emulateMedia({ colorScheme: 'dark' });
      await ui.shot('authenticator-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    }

    await ui.submitManual({ issuer: 'Slack', label: 'anna', secret: 'not base32!' });
    await ui.expectFieldError(ui.m.addAccount.manual.secret, ui.e['otp.secret-invalid-base32']);
    await ui.shot('authenticator-add');

    await ui.gotoSettings();
    await page.mouse.move(0, 790);
    await ui.shot('settings');
  });
}
