import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AuthenticatorPage, fill, type Lang } from './support/authenticator-page';
import { screenshotPath } from './support/doc-screenshots';
import { qrPng, ScanPage } from './support/scan-page';
import { backupEn } from '../../renderer/src/i18n/backup/en';
import { backupSv } from '../../renderer/src/i18n/backup/sv';
import { errorsEn } from '../../renderer/src/i18n/errors/en';
import { twofasPlain, VECTORS } from '../unit/import/fixtures';

/**
 * Import and backup through the browser host: an encrypted backup saved and restored (with its
 * preview: added and already there, and a wrong password first), and another app's export
 * previewed with the entry it cannot import named, then cancelled; automatic backups to a folder;
 * and a WebP picture of a QR code.
 */
const B: Record<Lang, typeof backupEn.backup> = { en: backupEn.backup, sv: backupSv.backup };
const PASSWORD = 'plaid ostrich umbrella 1987';
const GITHUB = { issuer: 'GitHub', label: 'anna.svensson@example.com', secret: 'JBSWY3DPEHPK3PXP' };
const BANK = { issuer: 'Nordbanken', label: 'anna', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };

async function openBackupPage(page: Page, ui: AuthenticatorPage, lang: Lang): Promise<void> {
  await page.getByRole('link', { name: B[lang].open }).click();
  await expect(ui.heading(B[lang].title)).toBeVisible();
}

test('an encrypted backup round trip: saved with a strong password, restored with a preview; a wrong password changes nothing', async ({
  page,
  app,
}) => {
  const b = B.en;
  const { dispatch } = app.host.core;
  await dispatch('settings.updateSettings', { language: 'en' });
  await dispatch('vault.addAccount', { source: 'uri', uri: `otpauth://totp/GitHub:${GITHUB.label}?secret=${GITHUB.secret}&issuer=GitHub` });
  await dispatch('vault.addAccount', { source: 'uri', uri: `otpauth://hotp/Nordbanken:anna?secret=${BANK.secret}&counter=7&digits=8` });
  const ui = new AuthenticatorPage(page, 'en');
  await ui.open(app.host.url);
  await openBackupPage(page, ui, 'en');

  // Export: the password twice, its strength shown; a weak one keeps the button off.
  const exportCard = page.getByRole('region', { name: b.export.title });
  const save = exportCard.getByRole('button', { name: b.export.save });
  await exportCard.getByLabel(b.export.password, { exact: true }).fill('password1');
  await exportCard.getByLabel(b.export.repeat, { exact: true }).fill('password1');
  await expect(exportCard.getByText(b.export.tooWeak)).toBeVisible();
  await expect(save).toBeDisabled();
  await exportCard.getByLabel(b.export.password, { exact: true }).fill(PASSWORD);
  await exportCard.getByLabel(b.export.repeat, { exact: true }).fill(PASSWORD);
  await expect(exportCard.getByText(fill(b.export.strength, { level: b.export.level.l4 }))).toBeVisible();
  const downloading = page.waitForEvent('download');
  await save.click();
  const download = await downloading;
  const file = await download.path();
  expect(download.suggestedFilename()).toMatch(/^flex-hrm-connect-.*\.flexbackup$/);
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(GITHUB.secret);
  await expect(exportCard.getByRole('status')).toHaveText(fill(b.export.saved, { file: download.suggestedFilename() }));
  // Both fields are cleared after the save, with no stale "not the same".
  await expect(exportCard.getByLabel(b.export.repeat, { exact: true })).toHaveValue('');
  await expect(exportCard.getByText(b.export.mismatch)).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('authenticator-backup.png'), fullPage: true });

  // One account lost; restore the backup.
  const bank = (await app.host.core.vault.list()).accounts.find((a) => a.issuer === 'Nordbanken')!;
  await dispatch('vault.deleteAccount', { id: bank.id });
  const importCard = page.getByRole('region', { name: b.import.title });
  await importCard
    .getByLabel(b.import.choose)
    .setInputFiles({ name: 'backup.flexbackup', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(importCard.getByText(fill(b.import.passwordTitle, { file: 'backup.flexbackup' }))).toBeVisible();
  await importCard.getByLabel(b.import.password, { exact: true }).fill('not the password at all');
  await importCard.getByRole('button', { name: b.import.openFile }).click();
  await expect(importCard.getByRole('alert')).toHaveText(errorsEn['backup.wrong-password']);
  expect((await app.host.core.vault.list()).accounts).toHaveLength(1);

  await importCard.getByLabel(b.import.password, { exact: true }).fill(PASSWORD);
  await importCard.getByRole('button', { name: b.import.openFile }).click();
  const preview = importCard.getByRole('list', { name: fill(b.import.previewTitle, { file: 'backup.flexbackup' }) });
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  await expect(preview.getByRole('listitem').filter({ hasText: 'Nordbanken: anna' })).toContainText(b.import.action.add);
  await expect(preview.getByRole('listitem').filter({ hasText: 'GitHub' })).toContainText(b.import.action.skip);
  await expect(importCard.getByText(fill(b.import.summary, { add: 1, replace: 0, skip: 1 }))).toBeVisible();
  await importCard.getByRole('button', { name: b.import.apply, exact: true }).click();
  await expect(importCard.getByRole('status')).toHaveText(fill(b.import.done, { added: 1, replaced: 0, skipped: 1 }));

  // Back in the list, with the HOTP counter the backup had.
  await page.getByRole('link', { name: b.back }).click();
  const card = page.getByRole('article', { name: 'Nordbanken' });
  await expect(card.getByText(/Counter: 7$/)).toBeVisible();
  const restored = (await app.host.core.vault.list()).accounts.find((a) => a.issuer === 'Nordbanken')!;
  expect(restored).toMatchObject({ type: 'hotp', counter: 7, digits: 8 });
});

test("another app's export (sv): the preview names what will be added and what cannot be imported; Avbryt changes nothing", async ({
  page,
  app,
}) => {
  const b = B.sv;
  await app.host.core.dispatch('settings.updateSettings', { language: 'sv' });
  const ui = new AuthenticatorPage(page, 'sv');
  await ui.open(app.host.url);
  await openBackupPage(page, ui, 'sv');

  const json = JSON.parse(new TextDecoder().decode(twofasPlain(VECTORS.slice(0, 2)))) as { services: unknown[] };
  json.services.push({
    name: 'Yandex',
    secret: VECTORS[2]!.secret,
    otp: { account: 'ivan', issuer: 'Yandex', digits: 8, period: 30, algorithm: 'SHA256', tokenType: 'YAOTP' },
  });
  const importCard = page.getByRole('region', { name: b.import.title });
  await importCard
    .getByLabel(b.import.choose)
    .setInputFiles({ name: 'export.2fas', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  const preview = importCard.getByRole('list', { name: fill(b.import.previewTitle, { file: 'export.2fas' }) });
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  await expect(importCard.getByText(b.import.format['2fas'])).toBeVisible();
  await expect(importCard.getByRole('heading', { name: fill(b.import.unsupportedTitle, { count: 1 }) })).toBeVisible();
  await expect(importCard.getByText(/^Yandex: ivan: /)).toBeVisible();
  await expect(importCard.getByText(/yaotp/i)).toBeVisible();
  await page.screenshot({ path: screenshotPath('authenticator-import-preview.png'), fullPage: true });
  await importCard.getByRole('button', { name: b.import.cancel }).click();
  await expect(preview).toHaveCount(0);
  expect((await app.host.core.vault.list()).accounts).toHaveLength(0);
});

test('a WebP picture of a QR code is read (the page decodes it; main reads the PNG)', async ({ page, app }) => {
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  const ui = new ScanPage(page, 'en');
  await ui.open(app.host.url);
  await ui.gotoAdd();
  const png = await qrPng(`otpauth://totp/WebP%20Inc:anna?secret=${GITHUB.secret}&issuer=WebP%20Inc`);
  // Chromium's own WebP encoder makes the file, lossless, as a saved web image would be.
  const webp = Buffer.from(
    await page.evaluate(async (b64) => {
      const png = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([png], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 1 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      return btoa(String.fromCharCode(...bytes));
    }, png.toString('base64')),
    'base64',
  );
  expect(webp.subarray(8, 12).toString('latin1')).toBe('WEBP');
  await ui.chooseImage(webp, 'qr.webp', 'image/webp');
  await expect(ui.toast(fill(ui.s.addedOne, { name: 'WebP Inc: anna' }))).toBeVisible();
  expect((await app.host.core.vault.list()).accounts.map((a) => a.issuer)).toEqual(['WebP Inc']);
});

test('automatic backups: turned on with a folder, a new backup after each change, only the newest N kept; turned off', async ({
  page,
  app,
}) => {
  const b = B.en;
  const folder = mkdtempSync(join(tmpdir(), 'flex-auto-backup-'));
  try {
    await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
    const ui = new AuthenticatorPage(page, 'en');
    await ui.open(app.host.url);
    await openBackupPage(page, ui, 'en');
    const card = page.getByRole('region', { name: b.auto.title });
    await expect(card.getByText(b.auto.off)).toBeVisible();
    await card.getByLabel(b.auto.folder, { exact: true }).fill(folder);
    await card.getByLabel(b.auto.keep, { exact: true }).fill('2');
    await card.getByLabel(b.export.password, { exact: true }).fill(PASSWORD);
    await card.getByLabel(b.export.repeat, { exact: true }).fill(PASSWORD);
    await card.getByRole('button', { name: b.auto.turnOn }).click();
    await expect(card.getByText(fill(b.auto.on, { folder, keep: 2 }))).toBeVisible();
    const backups = () => readdirSync(folder).filter((f) => f.endsWith('.flexbackup'));
    await expect.poll(backups).toHaveLength(1);

    // Three changes through the app's channels: still only the newest two files, the last with all three.
    for (const [i, secret] of [GITHUB.secret, BANK.secret, 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U'].entries()) {
      await app.host.core.dispatch('vault.addAccount', { source: 'uri', uri: `otpauth://totp/Site${i}:anna?secret=${secret}` });
      await app.host.core.backup.flush();
    }
    expect(backups()).toHaveLength(2);
    const newest = backups().sort().at(-1)!;
    const text = readFileSync(join(folder, newest), 'utf8');
    expect(text).not.toContain(GITHUB.secret);
    const restored = await app.host.core.dispatch('vault.previewImport', {
      fileBase64: Buffer.from(text).toString('base64'),
      password: PASSWORD,
    });
    expect(restored).toMatchObject({
      ok: true,
      value: { format: 'flex-backup', items: [{ action: 'skip' }, { action: 'skip' }, { action: 'skip' }] },
    });

    await card.getByRole('button', { name: b.auto.turnOff }).click();
    await expect(card.getByRole('status')).toHaveText(b.auto.turnedOff);
    await expect(card.getByText(fill(b.auto.on, { folder, keep: 2 }))).toHaveCount(0);
  } finally {
    await app.host.core.backup.disable();
    rmSync(folder, { recursive: true, force: true });
  }
});
