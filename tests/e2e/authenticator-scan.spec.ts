import { Secret, TOTP } from 'otpauth';
import { encodeMigrationUri } from '../../electron/core/otp/migration';
import { test, expect } from './support/fixtures';
import { AuthenticatorPage, fill, type Lang } from './support/authenticator-page';
import { APP_WINDOW, CHROMIUM, QR_WINDOW, QrWindow, ScanPage, qrPng } from './support/scan-page';

/**
 * Reading QR codes into the authenticator, end to end through the browser host: the real
 * renderer, main's worker decoder and vault, the real keychain. The first group captures the
 * real X display (Xvfb from scripts/with-session.mjs) with getDisplayMedia while ANOTHER browser
 * window shows the code; the rest import images (file chooser, drop, paste).
 */

const GITHUB = { issuer: 'GitHub', label: 'anna.svensson@example.com', secret: 'JBSWY3DPEHPK3PXP' };
const uriOf = (a: { issuer: string; label: string; secret: string }) =>
  `otpauth://totp/${encodeURIComponent(a.issuer)}:${encodeURIComponent(a.label)}?secret=${a.secret}&issuer=${encodeURIComponent(a.issuer)}`;

/** The shown code equals an independent computation (a period boundary in between is tolerated). */
async function expectRightCode(ui: AuthenticatorPage, a: { issuer: string; label: string; secret: string }): Promise<void> {
  const shown = await ui.code(a);
  const totp = new TOTP({ secret: Secret.fromBase32(a.secret), algorithm: 'SHA1', digits: 6, period: 30 });
  const now = Date.now();
  expect([now, now - 30_000, now + 30_000].map((timestamp) => totp.generate({ timestamp }))).toContain(shown);
}

async function openAdd(
  page: ScanPage,
  url: string,
  core: { dispatch(c: string, p: unknown): Promise<unknown> },
  lang: Lang,
): Promise<void> {
  await core.dispatch('settings.updateSettings', { language: lang });
  await page.open(url);
  await page.gotoAdd();
}

// The whole file runs headed on the X display: getDisplayMedia needs a real display to capture
// (headless Chromium has none), and a headed window is what a user has anyway. The picker is
// answered by the switch that auto-selects the whole screen, as a user choosing "Entire screen".
test.use({
  headless: false,
  viewport: { width: APP_WINDOW.width, height: APP_WINDOW.height - 100 },
  launchOptions: {
    ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--auto-select-desktop-capture-source=Entire screen',
      `--window-position=${APP_WINDOW.x},${APP_WINDOW.y}`,
      `--window-size=${APP_WINDOW.width},${APP_WINDOW.height}`,
    ],
  },
});

test.describe('real screen capture (headed Chromium on the X display)', () => {
  let qr: QrWindow;
  test.beforeEach(async () => {
    qr = await QrWindow.open();
  });
  test.afterEach(async () => {
    await qr.close();
  });

  test('"Scan screens" reads a QR code another window shows and adds the account with the right code', async ({ page, app }) => {
    const ui = new ScanPage(page, 'en');
    await qr.show(await qrPng(uriOf(GITHUB), 5));
    await openAdd(ui, app.host.url, app.host.core, 'en');

    await ui.button(ui.s.screens).click();
    await expect(ui.toast(fill(ui.s.addedOne, { name: AuthenticatorPage.accountName(GITHUB) }))).toBeVisible({ timeout: 20_000 });
    await expect(ui.heading(ui.m.authenticator.title)).toBeVisible();
    await expect(ui.copyButton(GITHUB)).toBeVisible();
    await expectRightCode(ui, GITHUB);
  });

  for (const lang of ['en', 'sv'] as const) {
    test(`"Select area" shows the capture, reads only the dragged frame, and Escape cancels (${lang})`, async ({ page, app }) => {
      const ui = new ScanPage(page, lang);
      const slack = { issuer: 'Slack', label: lang === 'sv' ? 'åsa@företag.se' : 'asa@example.com', secret: 'KRSXG5CTMVRXEZLUKRSXG5CT' };
      await qr.show(await qrPng(uriOf(slack), 4));
      await openAdd(ui, app.host.url, app.host.core, lang);

      // Escape closes the overlay without reading anything.
      await ui.button(ui.s.area).click();
      await expect(ui.overlay()).toBeVisible({ timeout: 20_000 });
      await expect(ui.overlay().getByRole('group', { name: ui.s.overlay.selection })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(ui.overlay()).toBeHidden();
      await expect(ui.button(ui.s.area)).toBeFocused();
      expect((await app.host.core.vault.list()).accounts).toHaveLength(0);

      // Releasing the mouse reads the frame. The app's own (empty) corner: no code there, so the
      // overlay stays for another try.
      await ui.button(ui.s.area).click();
      await expect(ui.overlay()).toBeVisible({ timeout: 20_000 });
      const screen = { width: 1920, height: 1080 };
      await ui.dragOnCapture(screen, { x: 40, y: 700 }, { x: 400, y: 1000 });
      await expect(ui.overlay().getByRole('alert')).toHaveText(ui.e['qr.no-qr-found']);
      if (lang === 'en') {
        await ui.dragOnCapture(
          screen,
          { x: QR_WINDOW.x - 20, y: QR_WINDOW.y - 10 },
          { x: 1915, y: QR_WINDOW.y + QR_WINDOW.height + 10 },
          () => ui.shot('select-area'),
        );
      } else {
        // Keyboard only, on a new capture: the frame starts centred (30-70 % of the screen); 30
        // steps of 1 % to the right put it over the right-hand window with the code; Enter reads.
        await page.keyboard.press('Escape');
        await ui.button(ui.s.area).click();
        const area = ui.overlay().getByRole('group', { name: ui.s.overlay.selection });
        await expect(area).toBeFocused({ timeout: 20_000 });
        for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
        await ui.shot('select-area');
        await page.keyboard.press('Enter');
      }
      await expect(ui.toast(fill(ui.s.addedOne, { name: AuthenticatorPage.accountName(slack) }))).toBeVisible({ timeout: 20_000 });
      await expect(ui.overlay()).toBeHidden();
      await expectRightCode(ui, slack);
    });
  }
});

test.describe('image import', () => {
  test('an image chosen with "Choose image…" adds its account', async ({ page, app }) => {
    const ui = new ScanPage(page, 'en');
    await openAdd(ui, app.host.url, app.host.core, 'en');
    await ui.chooseImage(await qrPng(uriOf(GITHUB)));
    await expect(ui.toast(fill(ui.s.addedOne, { name: AuthenticatorPage.accountName(GITHUB) }))).toBeVisible();
    await expectRightCode(ui, GITHUB);
  });

  test('a Google Authenticator export in one image adds all three accounts', async ({ page, app }) => {
    const ui = new ScanPage(page, 'en');
    const bytes = (seed: number) => Uint8Array.from({ length: 20 }, (_, i) => (i * 31 + seed * 17) & 0xff);
    const three = [
      { issuer: 'GitHub', label: 'alice@example.com', bytes: bytes(1) },
      { issuer: 'Google', label: 'bob@gmail.com', bytes: bytes(2) },
      { issuer: 'Visma Connect', label: 'carl@företag.se', bytes: bytes(3) },
    ];
    const uri = encodeMigrationUri(three.map((a) => ({ secret: a.bytes, name: a.label, issuer: a.issuer })));
    await openAdd(ui, app.host.url, app.host.core, 'en');
    await ui.chooseImage(await qrPng(uri, 4));
    await expect(ui.toast(fill(ui.s.addedMany, { count: 3 }))).toBeVisible();
    for (const a of three) {
      await expectRightCode(ui, { issuer: a.issuer, label: a.label, secret: new Secret({ buffer: a.bytes.slice().buffer }).base32 });
    }
  });

  for (const lang of ['en', 'sv'] as const) {
    test(`an account that already exists is refused with its message; a link QR is not an authenticator code (${lang})`, async ({
      page,
      app,
    }) => {
      const ui = new ScanPage(page, lang);
      await app.host.core.dispatch('vault.addAccount', { source: 'uri', uri: uriOf(GITHUB) });
      await openAdd(ui, app.host.url, app.host.core, lang);
      await ui.shot('options');

      await ui.chooseImage(await qrPng(uriOf(GITHUB)));
      await expect(ui.result()).toContainText(fill(ui.s.exists, { name: AuthenticatorPage.accountName(GITHUB) }));
      await expect(ui.result()).toContainText(ui.s.noneAdded);
      expect((await app.host.core.vault.list()).accounts).toHaveLength(1);

      await ui.chooseImage(await qrPng('https://www.example.com/welcome'));
      await expect(ui.error(ui.s.errors.otp['not-an-authenticator-code'])).toBeVisible();
      await expect(ui.panel().locator('.feedback')).toBeFocused();
      await ui.shot('error');
    });
  }

  test('a dropped image is read; a dropped file that is not an image, and an image without a code, are refused', async ({ page, app }) => {
    const ui = new ScanPage(page, 'en');
    await openAdd(ui, app.host.url, app.host.core, 'en');
    await ui.dropFile(Buffer.from('hello'), 'notes.txt', 'text/plain');
    await expect(ui.error(ui.e['qr.unsupported-image'])).toBeVisible();
    // A white picture: an image, but no QR code in it.
    const { PNG } = await import('pngjs');
    const blank = new PNG({ width: 200, height: 200 });
    blank.data.fill(255);
    await ui.dropFile(PNG.sync.write(blank), 'blank.png', 'image/png');
    await expect(ui.error(ui.e['qr.no-qr-found'])).toBeVisible();
    await ui.dropFile(await qrPng(uriOf(GITHUB)), 'qr.png', 'image/png');
    await expect(ui.toast(fill(ui.s.addedOne, { name: AuthenticatorPage.accountName(GITHUB) }))).toBeVisible();
    await expectRightCode(ui, GITHUB);
  });

  test('an image pasted from the clipboard with Ctrl+V is read', async ({ page, app }) => {
    const ui = new ScanPage(page, 'en');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.origin });
    await openAdd(ui, app.host.url, app.host.core, 'en');
    await ui.pasteImage(await qrPng(uriOf(GITHUB)));
    await expect(ui.toast(fill(ui.s.addedOne, { name: AuthenticatorPage.accountName(GITHUB) }))).toBeVisible();
    await expectRightCode(ui, GITHUB);
  });
});
