import { test, expect } from './support/hrm-fixtures';
import { HrmApp, type Lang } from './support/hrm-pages';
import { DEMO } from './support/demo-accounts';
import { appPathOf } from './support/mock-control';
import { otherAccountEn } from '../../renderer/src/i18n/other-account/en';
import { otherAccountSv } from '../../renderer/src/i18n/other-account/sv';

/**
 * Issue 10, item 3: signed in as karin, opening lena's one-time sign-in link used to leave the
 * app signed in as lena with no question. Now the app asks, and both answers do what they say.
 */
const CONNECT_PASSWORD = 'Connect-2025!';
const TEXTS = { en: otherAccountEn.otherAccount, sv: otherAccountSv.otherAccount };
const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
const karin = DEMO.twoFactor;
const lena = DEMO.push;

for (const lang of ['en', 'sv'] as Lang[]) {
  test(`karin signed in opens lena's one-time link: asked first; stay keeps karin, continue signs in lena (${lang})`, async ({
    page,
    app,
    mock,
  }) => {
    const hrm = new HrmApp(page, app.host, lang);
    const o = TEXTS[lang];
    await hrm.open();
    await hrm.chooseBuiltInServer();
    await hrm.signIn(karin.email, CONNECT_PASSWORD);
    await hrm.remindLater();
    await hrm.expectHome(karin.name);

    // Lena's link arrives (she asked for it on another device).
    const since = await mock.now();
    await app.host.core.dispatch('recovery.checkHuman', {});
    await app.host.core.dispatch('recovery.sendLink', { email: lena.email, kind: 'magic', language: lang });
    const path = appPathOf(await mock.waitForMessage(lena.email, /magic/, since), 'magic-link');

    await hrm.goto(path);
    const question = page.getByRole('alertdialog', { name: o.title });
    await expect(question).toBeVisible();
    await expect(question).toContainText(fill(o.question, { current: karin.email, next: lena.email }));
    // The safe answer has the focus: Enter keeps karin.
    await expect(page.getByRole('button', { name: fill(o.stay, { current: karin.email }) })).toBeFocused();
    await page.keyboard.press('Enter');
    await hrm.expectHome(karin.name);

    // The link was not used by asking: opened again, the answer this time is to continue as lena.
    await hrm.goto(path);
    await expect(page.getByRole('alertdialog', { name: o.title })).toBeVisible();
    await page.getByRole('button', { name: fill(o.continue, { next: lena.email }) }).click();
    await hrm.remindLater();
    await hrm.expectHome(lena.name);
  });
}
