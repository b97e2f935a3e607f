import { screenshotPath } from './doc-screenshots';
import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../../renderer/src/i18n/en';
import { ERROR_TEXTS, type ErrorTextsOf } from './error-texts';
import { sv, type AppMessages } from '../../../renderer/src/i18n/sv';

export type Lang = 'en' | 'sv';
export const APP_MESSAGES: Record<Lang, AppMessages> = { en, sv };

/** Fills vue-i18n `{name}` placeholders the way the app does. */
export const fill = (text: string, params: Record<string, string | number> = {}): string =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export interface ManualAccount {
  issuer: string;
  label: string;
  secret: string;
}

/**
 * Page object of the app shell, the authenticator and settings: tests say what a user does,
 * this knows which control that is, by role and the translated accessible name.
 */
export class AuthenticatorPage {
  m: AppMessages;
  /** The error texts (renderer/src/i18n/errors) of the language under test. */
  e: ErrorTextsOf;
  constructor(
    readonly page: Page,
    public lang: Lang = 'en',
  ) {
    this.m = APP_MESSAGES[lang];
    this.e = ERROR_TEXTS[lang];
  }

  /** The messages of another language, after the user switched. */
  useLanguage(lang: Lang): void {
    this.lang = lang;
    this.m = APP_MESSAGES[lang];
    this.e = ERROR_TEXTS[lang];
  }

  navLink(name: string): Locator {
    return this.page.getByRole('navigation', { name: this.m.nav.label }).getByRole('link', { name, exact: true });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** Opens the host's address (with its token) and goes to the authenticator through the menu. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.gotoAuthenticator();
  }

  async gotoAuthenticator(): Promise<void> {
    await this.navLink(this.m.nav.authenticator).click();
    await expect(this.heading(this.m.authenticator.title)).toBeVisible();
  }

  async gotoSettings(): Promise<void> {
    await this.navLink(this.m.nav.settings).click();
    await expect(this.heading(this.m.settings.title)).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Fills the manual form and submits it; the caller checks the outcome. */
  async submitManual(account: ManualAccount): Promise<void> {
    const f = this.m.addAccount.manual;
    await this.page.getByRole('link', { name: this.m.authenticator.add }).first().click();
    await expect(this.heading(this.m.addAccount.title)).toBeVisible();
    await this.field(f.issuer).fill(account.issuer);
    await this.field(f.label).fill(account.label);
    await this.field(f.secret).fill(account.secret);
    await this.page.getByRole('button', { name: f.submit, exact: true }).click();
  }

  async addManual(account: ManualAccount): Promise<void> {
    await this.submitManual(account);
    await expect(this.heading(this.m.authenticator.title)).toBeVisible();
    await expect(this.copyButton(account)).toBeVisible();
  }

  async submitUri(uri: string): Promise<void> {
    await this.page.getByRole('link', { name: this.m.authenticator.add }).first().click();
    await this.field(this.m.addAccount.uri.field).fill(uri);
    await this.page.getByRole('button', { name: this.m.addAccount.uri.submit, exact: true }).click();
  }

  static accountName(a: { issuer: string; label: string }): string {
    return a.issuer && a.label ? `${a.issuer}: ${a.label}` : a.issuer || a.label;
  }

  /** The code is a button: pressing it copies the code. */
  copyButton(a: { issuer: string; label: string }): Locator {
    // Its name is the visible digits, then "Copy code for <account>" (axe: label in name).
    const label = fill(this.m.account.copy, { name: AuthenticatorPage.accountName(a) });
    return this.page.getByRole('button', { name: new RegExp(`^[\\d ]+ ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }

  card(a: { issuer: string; label: string }): Locator {
    return this.page.getByRole('article', { name: a.issuer || a.label, exact: true });
  }

  /** The code shown for an account, without the grouping space. */
  async code(a: { issuer: string; label: string }): Promise<string> {
    return ((await this.copyButton(a).locator('.digits').textContent()) ?? '').replace(/\s/g, '');
  }

  accountButton(key: 'pin' | 'unpin' | 'moveUp' | 'moveDown' | 'rename' | 'delete', a: { issuer: string; label: string }): Locator {
    return this.page.getByRole('button', { name: fill(this.m.account[key], { name: AuthenticatorPage.accountName(a) }), exact: true });
  }

  /** HOTP: the button that moves the counter on and shows the next code. */
  hotpNextButton(a: { issuer: string; label: string }): Locator {
    return this.page.getByRole('button', {
      name: fill(this.m.account.hotpNextFor, { name: AuthenticatorPage.accountName(a) }),
      exact: true,
    });
  }

  /** The names of the accounts in the order shown. */
  async order(): Promise<string[]> {
    return this.page.getByRole('region', { name: this.m.authenticator.listLabel }).getByRole('heading', { level: 3 }).allTextContents();
  }

  /** A field shows this error: marked invalid, the text beside it and in its description. */
  async expectFieldError(label: string, text: string): Promise<void> {
    const input = this.field(label);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(new RegExp(escapeRegExp(text)));
  }

  toast(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** Writes <screenshots>/<name>-<lang>.png. */
  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: screenshotPath(`${name}-${this.lang}.png`), fullPage: true });
  }
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
