import { screenshotPath } from './doc-screenshots';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { prepEn, type PrepMessages } from '../../../renderer/src/i18n/prep/en';
import { prepSv } from '../../../renderer/src/i18n/prep/sv';
import type { BrowserHost } from '../../../electron/browser-host/server';
import { HrmApp, type Lang } from './hrm-pages';

const PREP: Record<Lang, PrepMessages> = { en: prepEn, sv: prepSv };
export const fillIn = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/**
 * Page object of account preparation (seed 003): the banner, My Profile > Account settings and
 * Settings > Visma Connect, by role and the translated accessible names of the language under test.
 */
export class PrepApp {
  readonly hrm: HrmApp;
  readonly p: PrepMessages['prep'];
  constructor(
    readonly page: Page,
    host: BrowserHost,
    readonly lang: Lang = 'en',
  ) {
    this.hrm = new HrmApp(page, host, lang);
    this.p = PREP[lang].prep;
  }

  /** Opens the app on the built-in server, ready to sign in. */
  async open(): Promise<void> {
    await this.hrm.open();
    await this.hrm.chooseBuiltInServer();
  }

  /** Signs in with a Flex HRM user id (before the company's cutover) and waits for the home. */
  async legacySignIn(userId: string, name: string, password = 'Demo1234!'): Promise<void> {
    const m = this.hrm.m;
    // After a sign-out the HRM view stays on the form that was used last.
    const userIdField = this.page.getByLabel(m.legacy.userId);
    const useLegacy = this.page.getByRole('button', { name: m.legacy.useLegacy });
    await userIdField.or(useLegacy).first().waitFor();
    if (await useLegacy.isVisible()) await useLegacy.click();
    await userIdField.fill(userId);
    await this.page.getByLabel(m.legacy.password).fill(password);
    await this.page.getByRole('button', { name: m.legacy.signIn, exact: true }).click();
    await this.hrm.expectHome(name);
  }

  async signOut(): Promise<void> {
    const m = this.hrm.m;
    await this.page.getByRole('button', { name: m.home.signOut }).click();
    await expect(this.page.getByLabel(m.legacy.userId).or(this.page.getByLabel(m.signIn.email, { exact: true }))).toBeVisible();
  }

  get banner(): Locator {
    return this.page.getByRole('region', { name: this.p.banner.title });
  }

  async expectBanner(visible: boolean): Promise<void> {
    if (visible) {
      await expect(this.banner).toBeVisible();
      await expect(this.banner).toContainText(this.p.banner.text);
    } else {
      // The home has loaded its preparation state once the My Profile entry is there.
      await expect(this.page.getByRole('link', { name: this.p.profile.accountSettings })).toBeVisible();
      await expect(this.banner).toHaveCount(0);
    }
  }

  async goToAccountSettings(): Promise<void> {
    await this.banner.getByRole('button', { name: this.p.banner.goToSettings }).click();
    await this.expectAccountSettings();
  }

  async expectAccountSettings(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: this.p.profile.accountSettings })).toBeVisible();
  }

  async notRightNow(): Promise<void> {
    await this.banner.getByRole('button', { name: this.p.banner.notNow }).click();
    await expect(this.banner).toHaveCount(0);
    // The keyboard focus does not fall to the page when the button goes away.
    await expect(this.page.getByRole('heading', { level: 1 })).toBeFocused();
  }

  get emailField(): Locator {
    return this.page.getByLabel(this.p.verify.email, { exact: true });
  }

  get codeField(): Locator {
    return this.page.getByLabel(this.p.verify.code, { exact: true });
  }

  async expectStart(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.p.verify.title })).toBeVisible();
    await expect(this.page.getByText(this.p.verify.intro)).toBeVisible();
  }

  async pickSuggestion(email: string): Promise<void> {
    const proposals = this.page.getByRole('group', { name: this.p.verify.proposal });
    await proposals.getByRole('button', { name: email }).click();
    await expect(this.emailField).toHaveValue(email);
  }

  async verifyAccount(): Promise<void> {
    await this.page.getByRole('button', { name: this.p.verify.verifyAccount }).click();
  }

  /** "Check your inbox" with the address, and the keyboard focus in the code field. */
  async expectCheckInbox(email: string, resent = false): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.p.verify.checkInbox })).toBeVisible();
    const text = resent ? this.p.verify.resent : this.p.verify.sentTo;
    await expect(this.page.getByText(fillIn(text, { email }))).toBeVisible();
    await expect(this.codeField).toBeFocused();
  }

  async enterCode(code: string): Promise<void> {
    await this.codeField.fill(code);
    await this.page.getByRole('button', { name: this.p.verify.verifyCode }).click();
  }

  async resend(): Promise<void> {
    await this.page.getByRole('button', { name: this.p.verify.resend }).click();
  }

  /** An error of the catalogue is shown: give its text, e.g. `prep.e['prep.code-expired']`. */
  async expectError(text: string, params: Record<string, string | number> = {}): Promise<void> {
    await expect(this.page.getByRole('alert').filter({ hasText: fillIn(text, params) })).toBeVisible();
  }

  /** "You're all set!" with the linked address read-only; the heading has the focus. */
  async expectAllSet(email: string): Promise<void> {
    const heading = this.page.getByRole('heading', { name: this.p.done.title });
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();
    await expect(this.page.getByText(this.p.done.text)).toBeVisible();
    await expect(this.page.getByText(this.p.done.password)).toBeVisible();
    const field = this.page.getByLabel(this.p.done.email, { exact: true });
    await expect(field).toHaveValue(email);
    await expect(field).not.toBeEditable();
    await expect(this.page.getByRole('button', { name: this.p.done.manage })).toBeVisible();
  }

  /** Writes <screenshots>/prep-<name>-<lang>.png. */
  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: screenshotPath(`prep-${name}-${this.lang}.png`), fullPage: true });
  }
}
