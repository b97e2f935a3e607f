import { screenshotPath } from './doc-screenshots';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { hrmEn, type HrmMessages } from '../../../renderer/src/i18n/hrm/en';
import { ERROR_TEXTS, type ErrorTextsOf } from './error-texts';
import { hrmSv } from '../../../renderer/src/i18n/hrm/sv';
import { setupFlowEn, type SetupFlowMessages } from '../../../renderer/src/i18n/setup/en';
import { setupFlowSv } from '../../../renderer/src/i18n/setup/sv';
import type { BrowserHost } from '../../../electron/browser-host/server';

export type Lang = 'en' | 'sv';
export const MESSAGES: Record<Lang, HrmMessages> = { en: hrmEn, sv: hrmSv };
const SETUP_FLOW: Record<Lang, SetupFlowMessages['setupFlow']> = { en: setupFlowEn.setupFlow, sv: setupFlowSv.setupFlow };
const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

/**
 * Page object of the HRM sign-in screens (Mullvad's route-object-model idea): tests say what a
 * user does ("sign in with this email"), this knows which control that is, by role and the
 * translated accessible name of the language under test.
 */
export class HrmApp {
  readonly m: HrmMessages['hrm'];
  /** The error texts (renderer/src/i18n/errors) of the language under test. */
  readonly e: ErrorTextsOf;
  constructor(
    readonly page: Page,
    readonly host: BrowserHost,
    readonly lang: Lang = 'en',
  ) {
    this.m = MESSAGES[lang].hrm;
    this.e = ERROR_TEXTS[lang];
  }

  /** The 2FA set-up flow's own texts (the Visma Authenticator phone path). */
  get flow(): SetupFlowMessages['setupFlow'] {
    return SETUP_FLOW[this.lang];
  }

  /** A reload of the window: everything the renderer held is gone; main's flows are not. */
  async reload(): Promise<void> {
    await this.page.reload();
  }

  get messages(): HrmMessages {
    return MESSAGES[this.lang];
  }

  /** Opens the app in the language under test and goes to the HRM client. */
  async open(): Promise<void> {
    await this.host.core.dispatch('settings.updateSettings', { language: this.lang });
    await this.page.goto(this.host.url);
    await this.goto('/hrm');
  }

  async goto(path: string): Promise<void> {
    await this.page.evaluate((p) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = `#${p}`;
    }, path);
  }

  async chooseBuiltInServer(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.m.server.title })).toBeVisible();
    await this.page.getByRole('radio', { name: new RegExp(this.m.server.embedded) }).check();
    await this.page.getByRole('button', { name: this.m.server.save }).click();
  }

  async enterEmail(email: string, save = false): Promise<void> {
    // The sign-in's email step (its Next button), not the forgot-password page's field of the
    // same label still on screen while "Back to Sign in" is under way (admin spec flake, issue 14).
    await expect(this.page.getByRole('button', { name: this.m.signIn.next })).toBeVisible();
    await expect(this.page.getByRole('heading', { name: this.m.forgot.title })).toBeHidden();
    await this.page.getByLabel(this.m.signIn.email, { exact: true }).fill(email);
    if (save) await this.page.getByRole('checkbox', { name: this.m.signIn.saveEmail }).check();
    await this.page.getByRole('button', { name: this.m.signIn.next }).click();
  }

  async enterPassword(password: string): Promise<void> {
    await this.page.getByLabel(this.m.signIn.password, { exact: true }).fill(password);
    await this.page.getByRole('button', { name: this.m.signIn.signIn, exact: true }).click();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.enterEmail(email);
    await this.enterPassword(password);
  }

  /** Forgot password from the password step: tick the robot box, pick reset or the one-time link. */
  async requestLink(kind: 'reset' | 'magic'): Promise<void> {
    await this.page.getByRole('button', { name: this.m.signIn.forgot }).click();
    await this.page.getByRole('checkbox', { name: this.m.forgot.robot }).check();
    await expect(this.page.getByRole('checkbox', { name: this.m.forgot.robot })).toBeChecked();
    await this.page.getByRole('button', { name: kind === 'reset' ? this.m.forgot.reset : this.m.forgot.magic }).click();
    const title = kind === 'reset' ? this.m.checkEmail.resetTitle : this.m.checkEmail.magicTitle;
    await expect(this.page.getByRole('heading', { name: title })).toBeVisible();
  }

  async setNewPassword(password: string): Promise<void> {
    await this.page.getByLabel(this.m.reset.newPassword, { exact: true }).fill(password);
    await this.page.getByLabel(this.m.reset.confirm, { exact: true }).fill(password);
    await this.page.getByRole('button', { name: this.m.reset.submit }).click();
    await expect(this.page.getByText(this.m.reset.done)).toBeVisible();
  }

  async remindLater(): Promise<void> {
    await this.page.getByRole('button', { name: this.m.setup.later }).click();
  }

  async expectHome(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: fill(this.m.home.welcome, { name }) })).toBeVisible();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: this.m.home.signOut }).click();
    await expect(this.page.getByLabel(this.m.signIn.email, { exact: true })).toBeVisible();
  }

  async expectError(text: string): Promise<void> {
    await expect(this.page.getByRole('alert').filter({ hasText: text })).toBeVisible();
  }

  /** A one-text error of the catalogue, its placeholders filled. */
  errorText(
    key: { [K in keyof ErrorTextsOf]: ErrorTextsOf[K] extends string ? K : never }[keyof ErrorTextsOf],
    params: Record<string, string> = {},
  ): string {
    return fill(this.e[key], params);
  }

  async enterMfaCode(code: string, remember = false): Promise<void> {
    const field = this.page.getByLabel(new RegExp(`^(${this.m.mfa.codeHint}|${this.m.mfa.emergencyCode})$`));
    await field.fill(code);
    if (remember) await this.page.getByRole('checkbox', { name: this.m.mfa.remember }).check();
    await this.page.getByRole('button', { name: this.m.mfa.verify }).click();
  }

  async tryAnotherWay(method: 'methodPush' | 'methodTotp' | 'methodSms' | 'methodEmergency'): Promise<void> {
    await this.page.getByRole('button', { name: this.m.mfa.tryAnother }).click();
    await this.page.getByRole('button', { name: this.m.mfa[method] }).click();
  }

  /** Writes <screenshots>/login-<name>-<lang>.png. */
  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: screenshotPath(`login-${name}-${this.lang}.png`), fullPage: true });
  }
}
