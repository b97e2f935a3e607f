import { TOTP } from 'otpauth';
import { test, expect } from './support/hrm-fixtures';
import { AuthenticatorPage, fill, type Lang } from './support/authenticator-page';
import { organiseEn } from '../../renderer/src/i18n/organise/en';
import { organiseSv } from '../../renderer/src/i18n/organise/sv';
import { decodeQrCodes, loadImage } from '../../electron/core/qr';
import { parseMigrationUri } from '../../electron/core/otp/migration';
import { parseOtpauthUri } from '../../electron/core/otp/otpauth-uri';

/**
 * Issue 12, organising the authenticator: search shortcuts and the count, groups and their
 * filter, the sorts, moving by keyboard and by drag, service logos, editing (a re-issued key
 * behind a confirmation), two accounts with one name, transfer out as QR codes, and the clock
 * check against the identity server.
 */
const O = { en: organiseEn, sv: organiseSv };
const ACCOUNTS = [
  { issuer: 'GitHub', label: 'anna@example.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY' },
  { issuer: 'Alpha Bank', label: 'anna', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOA' },
  { issuer: 'Dropbox', label: 'anna@example.com', secret: 'ONSWG4TFOQYTEMZUGU3DOOBZGA' },
  { issuer: 'Charlie Mail', label: 'anna', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEH' },
];
const [GITHUB, BANK, DROPBOX, MAIL] = ACCOUNTS as [(typeof ACCOUNTS)[0], (typeof ACCOUNTS)[0], (typeof ACCOUNTS)[0], (typeof ACCOUNTS)[0]];
const readQr = (dataUrl: string): Promise<string[]> => decodeQrCodes(loadImage(Buffer.from(dataUrl.split(',')[1] ?? '', 'base64')));

for (const lang of ['en', 'sv'] as Lang[]) {
  test(`search keys, count, groups, sorts and moves by keyboard and drag (${lang})`, async ({ page, app }) => {
    const ui = new AuthenticatorPage(page, lang);
    const o = O[lang];
    await app.host.core.dispatch('settings.updateSettings', { language: lang });
    for (const a of ACCOUNTS) await app.host.core.dispatch('vault.addAccount', { source: 'manual', ...a });
    await ui.open(app.host.url);
    await expect.poll(() => ui.order()).toEqual(['GitHub', 'Alpha Bank', 'Dropbox', 'Charlie Mail']);

    // Logos for services Simple Icons knows, a letter otherwise.
    await expect(ui.card(GITHUB).locator('[data-icon="GitHub"]')).toBeVisible();
    await expect(ui.card(DROPBOX).locator('[data-icon="Dropbox"]')).toBeVisible();
    await expect(ui.card(BANK).locator('.avatar')).toHaveText('A');
    await ui.shot('authenticator-organise');

    // `/` focuses the search; the count follows it.
    const search = page.getByRole('searchbox', { name: ui.m.authenticator.search });
    await page.locator('body').press('/');
    await expect(search).toBeFocused();
    await page.keyboard.type('anna@');
    await expect(page.getByText(fill(o.organise.countOf, { shown: 2, total: 4 }))).toBeVisible();
    await expect.poll(() => ui.order()).toEqual(['GitHub', 'Dropbox']);
    await ui.copyButton(GITHUB).focus();
    await page.keyboard.press('Control+f');
    await expect(search).toBeFocused();
    await search.fill('');
    await expect(page.getByText(ui.m.authenticator.count.split('|')[2]!.trim().replace('{n}', '4'), { exact: true })).toBeVisible();

    // Groups: filed through the edit form, then a filter.
    await ui.accountButton('rename', DROPBOX).click();
    await page.getByLabel(o.edit.groups, { exact: true }).fill('Work, Private');
    await page.getByRole('button', { name: ui.m.common.save, exact: true }).click();
    await expect(ui.card(DROPBOX).getByText(fill(o.organise.groups, { groups: 'Work, Private' }))).toBeVisible();
    await ui.accountButton('rename', GITHUB).click();
    await page.getByLabel(o.edit.groups, { exact: true }).fill('work');
    await page.getByRole('button', { name: ui.m.common.save, exact: true }).click();
    await expect(ui.card(GITHUB).getByText(fill(o.organise.groups, { groups: 'work' }))).toBeVisible();
    const groupFilter = page.getByRole('combobox', { name: o.organise.group });
    // One group, whichever case it was typed in (the first spelling names it).
    await expect(groupFilter.getByRole('option')).toHaveText([o.organise.allGroups, 'Private', 'work', o.organise.noGroup]);
    await groupFilter.selectOption({ label: 'work' });
    await expect.poll(() => ui.order()).toEqual(['GitHub', 'Dropbox']);
    await groupFilter.selectOption({ label: o.organise.noGroup });
    await expect.poll(() => ui.order()).toEqual(['Alpha Bank', 'Charlie Mail']);
    await groupFilter.selectOption({ label: o.organise.allGroups });

    // Sorts: by name, by recent use (a copy), back to my order.
    const sort = page.getByRole('combobox', { name: o.organise.sort });
    await sort.selectOption({ label: o.organise.sortName });
    await expect.poll(() => ui.order()).toEqual(['Alpha Bank', 'Charlie Mail', 'Dropbox', 'GitHub']);
    // Moving is for my order only.
    await expect(ui.accountButton('moveUp', DROPBOX)).toHaveCount(0);
    await sort.selectOption({ label: o.organise.sortRecent });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.origin });
    await ui.copyButton(MAIL).click();
    await expect.poll(() => ui.order()).toEqual(['Charlie Mail', 'GitHub', 'Alpha Bank', 'Dropbox']);
    await sort.selectOption({ label: o.organise.sortManual });
    await expect.poll(() => ui.order()).toEqual(['GitHub', 'Alpha Bank', 'Dropbox', 'Charlie Mail']);
    // The sort is remembered.
    await page.reload();
    await expect(page.getByRole('combobox', { name: o.organise.sort })).toHaveValue('manual');

    // Alt+Down anywhere in a card moves it, keeps the focus, and says where it went.
    await ui.copyButton(GITHUB).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => ui.order()).toEqual(['Alpha Bank', 'GitHub', 'Dropbox', 'Charlie Mail']);
    await expect(ui.copyButton(GITHUB)).toBeFocused();
    await expect(
      page.getByRole('status').filter({ hasText: fill(o.organise.moved, { name: 'GitHub: anna@example.com', position: 2, total: 4 }) }),
    ).toBeAttached();

    // Drag by the grip onto another card.
    await ui.card(MAIL).locator('[data-drag-handle]').dragTo(ui.card(BANK));
    await expect.poll(() => ui.order()).toEqual(['Charlie Mail', 'Alpha Bank', 'GitHub', 'Dropbox']);
    // Saved in main: the order survives a restart.
    const list = await app.host.core.vault.list();
    expect(list.accounts.map((a) => a.issuer)).toEqual(['Charlie Mail', 'Alpha Bank', 'GitHub', 'Dropbox']);
  });
}

test('editing: names, and a re-issued key only behind the confirmation; two accounts with one name get a notice', async ({ page, app }) => {
  const ui = new AuthenticatorPage(page, 'en');
  const o = O.en;
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  expect(await app.host.core.dispatch('vault.addAccount', { source: 'manual', ...GITHUB })).toMatchObject({ ok: true });
  await ui.open(app.host.url);

  await ui.accountButton('rename', GITHUB).click();
  await page.getByText(o.edit.advanced).click();
  const secret = page.getByLabel(o.edit.secret, { exact: true });
  await expect(secret).toBeDisabled();
  await page.getByLabel(o.edit.confirmAdvanced).check();
  await expect(secret).toBeEnabled();
  await secret.fill('not base32!');
  await page.getByRole('button', { name: ui.m.common.save, exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: ui.e['otp.secret-invalid-base32'] })).toBeVisible();
  const REISSUED = 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF';
  await secret.fill(REISSUED);
  await page.getByLabel(o.edit.digits, { exact: true }).selectOption('8');
  await page.getByRole('button', { name: ui.m.common.save, exact: true }).click();
  await expect(ui.toast(o.edit.done)).toBeVisible();
  const code = await ui.code(GITHUB);
  const expected = (at: number) => new TOTP({ secret: REISSUED, digits: 8 }).generate({ timestamp: at });
  expect([expected(Date.now()), expected(Date.now() - 30_000)]).toContain(code);

  // A second tenant: same service and name, another key. Allowed, and both cards say so.
  await ui.submitManual({ ...GITHUB, secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOA' });
  await expect(ui.copyButton(GITHUB)).toHaveCount(2);
  await expect(page.getByText(o.organise.sameName)).toHaveCount(2);
  // The same key again is still refused.
  await ui.submitManual({ issuer: 'Other', label: 'x', secret: REISSUED });
  await expect(page.getByText(fill(ui.e['vault.duplicate-account'], { name: 'GitHub: anna@example.com' }))).toBeVisible();
});

test('transfer out: one account as an otpauth QR, the accounts shown as a Google Authenticator migration QR, after a confirmation', async ({
  page,
  app,
}) => {
  const ui = new AuthenticatorPage(page, 'en');
  const o = O.en;
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  for (const a of ACCOUNTS) await app.host.core.dispatch('vault.addAccount', { source: 'manual', ...a });
  await ui.open(app.host.url);

  await page.getByRole('button', { name: fill(o.transfer.show, { name: 'GitHub: anna@example.com' }) }).click();
  const confirm = page.getByRole('dialog', { name: o.transfer.confirmTitle });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: ui.m.common.cancel })).toBeFocused();
  await expect(confirm.getByRole('img')).toHaveCount(0);
  await confirm.getByRole('button', { name: o.transfer.confirm }).click();
  const shown = page.getByRole('dialog', { name: o.transfer.title });
  const img = shown.getByRole('img', { name: fill(o.transfer.image, { name: 'GitHub: anna@example.com' }) });
  await expect(img).toBeVisible();
  const [uri] = await readQr((await img.getAttribute('src'))!);
  expect(parseOtpauthUri(uri!)).toMatchObject({ issuer: 'GitHub', label: 'anna@example.com', secret: GITHUB.secret });
  await shown.getByRole('button', { name: o.transfer.close }).click();
  await expect(shown).toBeHidden();

  // The accounts the search shows, as one migration code.
  await page.getByRole('searchbox', { name: ui.m.authenticator.search }).fill('anna@');
  await page.getByRole('button', { name: o.organise.transferShown }).click();
  await page
    .getByRole('dialog', { name: fill(o.transfer.confirmManyTitle, { count: 2 }) })
    .getByRole('button', { name: o.transfer.confirm })
    .click();
  const many = page.getByRole('img', { name: fill(o.transfer.imageMany, { index: 1, size: 1 }) });
  await expect(many).toBeVisible();
  const [migration] = await readQr((await many.getAttribute('src'))!);
  expect(parseMigrationUri(migration!).accounts.map((a) => [a.issuer, a.secret])).toEqual([
    ['GitHub', GITHUB.secret],
    ['Dropbox', DROPBOX.secret],
  ]);
});

for (const lang of ['en', 'sv'] as Lang[]) {
  test(`clock check: a server 60 s ahead is named in a warning (${lang})`, async ({ page, app, mock }) => {
    const ui = new AuthenticatorPage(page, lang);
    await app.host.core.dispatch('settings.updateSettings', { language: lang });
    await app.host.core.dispatch('vault.addAccount', { source: 'manual', ...GITHUB });
    await ui.open(app.host.url);
    await expect(ui.copyButton(GITHUB)).toBeVisible();
    const warning = page.getByRole('alert').filter({ hasText: fill(O[lang].clockCheck.behind, { seconds: 60 }) });
    await expect(page.locator('.notice.warning')).toHaveCount(0);
    await mock.advanceClock(60_000);
    await ui.gotoSettings();
    await ui.gotoAuthenticator();
    await expect(warning).toBeVisible();
  });
}
