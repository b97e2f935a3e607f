import type { Page } from '@playwright/test';
import { test, expect } from './support/hrm-fixtures';
import { AuthenticatorPage, escapeRegExp, fill, type Lang } from './support/authenticator-page';
import { hrmMessages } from '../../renderer/src/i18n/hrm';
import { DEMO } from './support/demo-accounts';
import { WEB_BROWSER, WebSignIn } from './support/push-sign-in';

/**
 * Everyday use of the authenticator through the browser host: copying a code (and the clipboard
 * cleared 30 s later), HOTP's "Next code" with its counter kept across a restart, and push
 * approval with number matching, its expiry and the prompt's keyboard use.
 */

const LANGS: Lang[] = ['en', 'sv'];
const GITHUB = { issuer: 'GitHub', label: 'anna.svensson@example.com', secret: 'JBSWY3DPEHPK3PXP' };
// RFC 4226 Appendix D: the secret "12345678901234567890" and its codes for counters 0, 1, 2.
const BANK = { issuer: 'Nordbanken', label: 'anna.svensson@example.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };
const RFC4226 = ['755224', '287082', '359152'];
const CONNECT_PASSWORD = 'Connect-2025!';

const readClipboard = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
  );
const writeClipboard = (page: Page, text: string) =>
  page.evaluate(
    (t) =>
      (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText(t),
    text,
  );

test('copying a code: the toast says it is cleared in 30 s, and it is, unless something else was copied or the setting is off', async ({
  page,
  app,
}) => {
  const ui = new AuthenticatorPage(page, 'en');
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.origin });
  // The page's timers under the test's control: the 30 seconds pass without waiting for them.
  await page.clock.install();
  await ui.open(app.host.url);
  await ui.addManual(GITHUB);
  const name = AuthenticatorPage.accountName(GITHUB);

  await ui.copyButton(GITHUB).click();
  await expect(ui.toast(fill(ui.m.account.copiedClears, { name, seconds: 30 }))).toBeVisible();
  const copied = await readClipboard(page);
  expect(copied).toMatch(/^\d{6}$/);
  expect([await ui.code(GITHUB)]).toContain(copied);
  await page.clock.fastForward(29_000);
  expect(await readClipboard(page)).toBe(copied);
  await page.clock.fastForward(1_500);
  await expect.poll(() => readClipboard(page)).toBe('');

  // Copied again, then the user copies something of their own: that stays.
  await ui.copyButton(GITHUB).click();
  await expect.poll(() => readClipboard(page)).toMatch(/^\d{6}$/);
  await writeClipboard(page, 'Meeting notes');
  await page.clock.fastForward(31_000);
  expect(await readClipboard(page)).toBe('Meeting notes');

  // The setting off: the code stays, and the toast promises nothing.
  await ui.gotoSettings();
  const setting = page.getByRole('checkbox', { name: ui.m.settings.clipboard.clear });
  await expect(setting).toBeChecked();
  await setting.uncheck();
  await expect(ui.toast(fill(ui.m.settings.clipboard.off))).toBeVisible();
  await ui.gotoAuthenticator();
  await ui.copyButton(GITHUB).click();
  await expect(ui.toast(fill(ui.m.account.copied, { name }))).toBeVisible();
  await expect(ui.toast(fill(ui.m.account.copiedClears, { name, seconds: 30 }))).toHaveCount(0);
  const kept = await readClipboard(page);
  await page.clock.fastForward(31_000);
  expect(await readClipboard(page)).toBe(kept);
  expect(await app.host.core.dispatch('settings.getSettings', {})).toMatchObject({ value: { clearClipboard: false } });
});

for (const lang of LANGS) {
  test(`HOTP: "Next code" shows the next code and counter, which survive a restart (${lang})`, async ({ page, app }) => {
    const ui = new AuthenticatorPage(page, lang);
    await app.host.core.dispatch('settings.updateSettings', { language: lang });
    await ui.open(app.host.url);
    await ui.addManual(GITHUB);
    await ui.submitUri(
      `otpauth://hotp/${BANK.issuer}:${encodeURIComponent(BANK.label)}?secret=${BANK.secret}&issuer=${BANK.issuer}&counter=0`,
    );
    await expect(ui.copyButton(BANK)).toBeVisible();
    const card = ui.card(BANK);
    const counter = (n: number) => card.getByText(new RegExp(`${escapeRegExp(fill(ui.m.account.counter, { counter: n }))}$`));

    expect(await ui.code(BANK)).toBe(RFC4226[0]);
    await expect(counter(0)).toBeVisible();
    // No countdown for a counter-based code.
    await expect(card.getByText(new RegExp(escapeRegExp(fill(ui.m.account.changesIn, { seconds: 'X' })).replace('X', '\\d+')))).toHaveCount(
      0,
    );

    await ui.hotpNextButton(BANK).click();
    await expect(counter(1)).toBeVisible();
    await expect(ui.copyButton(BANK)).toContainText(`${RFC4226[1]!.slice(0, 3)} ${RFC4226[1]!.slice(3)}`);
    await expect(ui.toast(fill(ui.m.account.hotpNextDone, { name: AuthenticatorPage.accountName(BANK) }))).toBeVisible();
    // Keyboard: the button keeps the focus, so Enter asks for the next one again.
    await expect(ui.hotpNextButton(BANK)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(counter(2)).toBeVisible();
    expect(await ui.code(BANK)).toBe(RFC4226[2]);
    // A calm picture: no toasts over the cards, no hover.
    const closeToast = page.getByRole('button', { name: ui.m.toast.dismiss });
    while ((await closeToast.count()) > 0) await closeToast.first().click();
    await page.mouse.move(0, 790);
    await ui.shot('authenticator-hotp');

    await app.restart();
    await ui.open(app.host.url);
    await expect(counter(2)).toBeVisible();
    expect(await ui.code(BANK)).toBe(RFC4226[2]);
  });
}

for (const lang of LANGS) {
  test(`push approval with number matching: who, from where, time left; typed number and Enter approve; an expired request disappears (${lang})`, async ({
    page,
    app,
    mock,
  }) => {
    const ui = new AuthenticatorPage(page, lang);
    const push = hrmMessages[lang].push;
    const user = DEMO.twoFactor;
    await app.host.core.dispatch('settings.updateSettings', { language: lang });
    const web = new WebSignIn(app.host, user.email, CONNECT_PASSWORD);
    await web.enrolThisApp();
    await ui.open(app.host.url);

    // A sign-in on the web: the prompt appears here, with no reload.
    const first = await web.startPush();
    const prompt = page.getByRole('region', { name: push.title });
    await expect(prompt).toBeVisible();
    const request = prompt.getByRole('article');
    await expect(request).toHaveAccessibleName(fill(push.text, { email: user.email, app: 'Flex HRM' }));
    const from = new RegExp(
      escapeRegExp(fill(push.from, { ...WEB_BROWSER, device: WEB_BROWSER.name, ip: '@@' })).replace('@@', '[\\d.:a-f]+'),
    );
    await expect(request.getByText(from)).toBeVisible();
    await expect(
      request.getByText(new RegExp(escapeRegExp(fill(push.expiresIn, { time: '@@' })).replace('@@', '[12]:\\d\\d'))),
    ).toBeVisible();
    await expect(request).toHaveAccessibleDescription(
      new RegExp(escapeRegExp(fill(push.expiresAt, { time: '@@' })).replace('@@', '\\d\\d.\\d\\d( [AP]M)?')),
    );
    await expect(request.getByRole('button', { name: push.approve })).toBeDisabled();
    await ui.shot('authenticator-push');

    // Keyboard only: type the number shown at sign-in (it picks the matching choice), Enter approves.
    await request.getByLabel(push.typeNumber).focus();
    await page.keyboard.type(first.number);
    await expect(request.getByRole('radio', { name: first.number, exact: true })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(ui.toast(push.approved)).toBeVisible();
    await expect(prompt).toBeHidden();
    expect(await web.status(first)).toBe('approved');

    // The next request is left unanswered until its 2 minutes have passed on the server's clock.
    const second = await web.startPush();
    await expect(prompt.getByRole('article')).toBeVisible();
    await mock.advanceClock(2 * 60_000);
    // The sign-in page asks how it is going; the server finds it expired and tells this app.
    expect(await web.status(second)).toBe('expired');
    await expect(prompt).toBeHidden();
    const notice = page.getByRole('status').filter({ hasText: fill(push.expiredNotice, { email: user.email }) });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: push.dismiss }).click();
    await expect(page.getByText(fill(push.expiredNotice, { email: user.email }))).toBeHidden();
  });
}
