import { screenshotPath } from './doc-screenshots';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { adminEn, type AdminMessages } from '../../../renderer/src/i18n/admin/en';
import { adminSv } from '../../../renderer/src/i18n/admin/sv';
import type { HrmApp, Lang } from './hrm-pages';
import type { MockControl } from './mock-control';
import { codeIn } from './mock-control';

const MESSAGES: Record<Lang, AdminMessages> = { en: adminEn, sv: adminSv };
export const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** Page object of the Administration page and the Connect account page, in the language under test. */
export class AdminApp {
  readonly a: AdminMessages['admin'];
  readonly c: AdminMessages['connectAccount'];
  readonly page: Page;
  constructor(readonly hrm: HrmApp) {
    this.page = hrm.page;
    this.a = MESSAGES[hrm.lang].admin;
    this.c = MESSAGES[hrm.lang].connectAccount;
  }

  /** "My company has not moved to Visma Connect yet" -> user id + password. */
  async legacySignIn(userId: string, password: string): Promise<void> {
    const { m } = this.hrm;
    await this.page.getByRole('button', { name: m.legacy.useLegacy }).click();
    await this.page.getByLabel(m.legacy.userId).fill(userId);
    await this.page.getByLabel(m.legacy.password).fill(password);
    await this.page.getByRole('button', { name: m.legacy.signIn, exact: true }).click();
  }

  async openAdministration(): Promise<void> {
    await this.page.getByRole('link', { name: this.a.link }).click();
    await expect(this.page.getByRole('heading', { name: this.a.title, level: 1 })).toBeVisible();
    await expect(this.page.getByRole('heading', { name: this.a.users.title })).toBeVisible();
  }

  row(name: string) {
    return this.page.getByRole('row', { name: new RegExp(`^${name}`) });
  }

  async expectStatus(name: string, status: 'linked' | 'pending' | 'none', email?: string): Promise<void> {
    const row = this.row(name);
    await expect(row.getByText(this.a.users[status], { exact: true })).toBeVisible();
    if (email) await expect(row.getByText(email, { exact: true })).toBeVisible();
  }

  cutoverSwitch() {
    return this.page.getByRole('switch', { name: this.a.cutover.switch });
  }

  dialog(title: string) {
    return this.page.getByRole('dialog', { name: title });
  }

  async expectToast(text: string): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }

  async expectAlert(text: string): Promise<void> {
    await expect(this.page.getByRole('alert').filter({ hasText: text })).toBeVisible();
  }

  /** Writes <screenshots>/admin-<name>-<lang>.png; a modal is shot in the viewport its backdrop covers. */
  async shot(name: string, fullPage = true): Promise<void> {
    // The pointer off every control, so no hover state lands in the picture.
    await this.page.mouse.move(0, 0);
    await this.page.screenshot({ path: screenshotPath(`admin-${name}-${this.hrm.lang}.png`), fullPage });
  }
}

async function call<T>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(new URL(path, base), { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  const json = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!json.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.error)}`);
  return json.value as T;
}

/**
 * What a user does in the upgrade banner (seed 003), over the HRM API as that user: legacy
 * sign-in, "Verify account" to `email`, and with `verify` the code from the outbox.
 */
export async function prepareOverHttp(mock: MockControl, userId: string, email: string, verify: boolean): Promise<void> {
  const { token } = await call<{ token: string }>(mock.url, 'POST', '/hrm/sign-in', { userId, password: 'Demo1234!' });
  const since = await mock.now();
  await call(mock.url, 'POST', '/hrm/preparation/send-code', { email }, token);
  if (verify) {
    const mail = await mock.waitForMessage(email, /verify/, since);
    await call(mock.url, 'POST', '/hrm/preparation/verify', { code: codeIn(mail) }, token);
  }
  await call(mock.url, 'POST', '/hrm/sign-out', undefined, token).catch(() => undefined);
}
