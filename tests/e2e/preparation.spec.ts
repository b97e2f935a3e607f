import { test, expect } from './support/hrm-fixtures';
import type { Lang } from './support/hrm-pages';
import { codeIn, type MockControl } from './support/mock-control';
import { DEMO } from './support/demo-accounts';
import { PrepApp, fillIn } from './support/prep-pages';

/** Account preparation for Visma Connect (seed 003), desktop, through the browser host. */
const LANGS: Lang[] = ['en', 'sv'];
const ANNA = { userId: DEMO.legacy.userId, name: DEMO.legacy.name, email: 'anna.svensson@foretaget.se' };
/** Erik's HRM language is English; his verification email follows the app's language all the same. */
const ERIK = { userId: 'erik', name: 'Erik Johansson', email: 'erik.johansson@foretaget.se' };
const PER = { userId: 'per', name: 'Per Lind', email: 'per.lind@lillabolaget.se' };
const MINUTE = 60_000;

/** The seed's email, in the language chosen in the app (issue 14; before, the HRM user's): greeting, the code, 30 minutes, "ignore it". */
const EMAIL_TEXT = {
  sv: (first: string) => [
    `Hej ${first}`,
    'Vi uppdaterar snart vår inloggningslösning till Visma Connect.',
    'Din verifieringskod:',
    'Koden är giltig i 30 minuter.',
    'Om du inte vill verifiera din e-postadress eller om meddelandet har nått dig av misstag kan du bortse från det. Ingenting händer om koden inte används.',
  ],
  en: (first: string) => [
    `Hi ${first}`,
    "We're soon updating our login solution to Visma Connect.",
    'Your verification code:',
    'The code is valid for 30 minutes.',
    "If you don't want to verify your email address or if this message has reached you by mistake, you can simply ignore it. No action will be taken if the code isn't used.",
  ],
};

async function codeSince(mock: MockControl, email: string, since: number, lang: 'sv' | 'en', first: string): Promise<string> {
  const mail = await mock.waitForMessage(email, /^verify-email$/, since);
  for (const line of EMAIL_TEXT[lang](first)) expect(mail.text).toContain(line);
  return codeIn(mail);
}

for (const lang of LANGS) {
  test(`seed 003 end to end: banner, verify a suggested address by code, linked for good (${lang})`, async ({ page, app, mock }) => {
    const ui = new PrepApp(page, app.host, lang);
    await ui.open();
    await ui.legacySignIn(ANNA.userId, ANNA.name);
    await ui.expectBanner(true);
    await ui.shot('banner');

    await ui.goToAccountSettings();
    await ui.expectStart();
    await ui.pickSuggestion(ANNA.email);
    await ui.shot('account-settings');
    const since = await mock.now();
    await ui.verifyAccount();
    await ui.expectCheckInbox(ANNA.email);
    const code = await codeSince(mock, ANNA.email, since, lang, 'Anna');
    await ui.shot('check-inbox');

    await ui.enterCode(code);
    await ui.expectAllSet(ANNA.email);
    await ui.shot('all-set');

    // Home: the banner is gone, and stays gone in a new session.
    await ui.hrm.goto('/hrm');
    await ui.expectBanner(false);
    await ui.signOut();
    await ui.legacySignIn(ANNA.userId, ANNA.name);
    await ui.expectBanner(false);
    await page.getByRole('link', { name: ui.p.profile.accountSettings }).click();
    await expect(page.getByRole('heading', { name: ui.p.done.linkedTitle })).toBeVisible();
    await expect(page.getByLabel(ui.p.done.email, { exact: true })).toHaveValue(ANNA.email);
    await ui.shot('linked');
  });
}

test('"Not right now" hides the banner, also after a reload and a new sign-in, until 24 hours have passed', async ({ page, app, mock }) => {
  const ui = new PrepApp(page, app.host, 'en');
  await ui.open();
  await ui.legacySignIn(ANNA.userId, ANNA.name);
  await ui.notRightNow();
  await page.reload();
  await ui.hrm.expectHome(ANNA.name);
  await ui.expectBanner(false);
  await ui.signOut();
  await ui.legacySignIn(ANNA.userId, ANNA.name);
  await ui.expectBanner(false);

  // The next day (HRM sessions last 8 hours, so a new sign-in), it is back.
  await ui.signOut();
  await mock.advanceClock(24 * 60 * MINUTE + MINUTE);
  await ui.legacySignIn(ANNA.userId, ANNA.name);
  await ui.expectBanner(true);
});

for (const lang of LANGS) {
  test(`wrong, expired and dead codes, and a resend: each has its own message (${lang})`, async ({ page, app, mock }) => {
    const ui = new PrepApp(page, app.host, lang);
    await ui.open();
    await ui.legacySignIn(ERIK.userId, ERIK.name);
    await page.getByRole('link', { name: ui.p.profile.accountSettings }).click();
    await ui.expectAccountSettings();

    // A typo in the address is caught before anything is sent.
    await ui.emailField.fill('erik.johansson');
    await ui.verifyAccount();
    await ui.expectError(ui.hrm.e['field.invalid'].email);
    await ui.pickSuggestion(ERIK.email);
    let since = await mock.now();
    await ui.verifyAccount();
    await ui.expectCheckInbox(ERIK.email);
    const first = await codeSince(mock, ERIK.email, since, lang, 'Erik');
    const wrong = (c: string) => (c === '000000' ? '111111' : '000000');

    await ui.enterCode(wrong(first));
    await ui.expectError(ui.hrm.e['prep.code-wrong'].attemptsLeft, { attemptsLeft: 4 });
    await ui.shot('error-wrong-code');

    // A new code at once is refused: one a minute.
    await ui.resend();
    await expect(
      page.getByRole('alert').filter({ hasText: new RegExp(fillIn(ui.hrm.e['prep.rate-limited'].seconds, { seconds: '\\d+' })) }),
    ).toBeVisible();
    await ui.shot('error-rate-limited');

    // A minute later: a new code; the old one no longer works, and attempts are not bought back.
    await mock.advanceClock(MINUTE + 1000);
    since = await mock.now();
    await ui.resend();
    await ui.expectCheckInbox(ERIK.email, true);
    const second = await codeSince(mock, ERIK.email, since, lang, 'Erik');
    await ui.enterCode(first === second ? wrong(second) : first);
    await ui.expectError(ui.hrm.e['prep.code-wrong'].attemptsLeft, { attemptsLeft: 3 });

    // 31 minutes later the code has expired.
    await mock.advanceClock(31 * MINUTE);
    await ui.enterCode(second);
    await ui.expectError(ui.hrm.e['prep.code-expired']);
    await ui.shot('error-expired');

    // A fresh code, then wrong codes until it dies: too many attempts, and then no code at all.
    since = await mock.now();
    await ui.resend();
    await ui.expectCheckInbox(ERIK.email, true);
    const third = await codeSince(mock, ERIK.email, since, lang, 'Erik');
    await ui.enterCode(wrong(third));
    await ui.expectError(ui.hrm.e['prep.code-wrong'].attemptsLeft, { attemptsLeft: 2 });
    await ui.enterCode(wrong(third));
    await ui.expectError(ui.hrm.e['prep.code-wrong'].attemptsLeft, { attemptsLeft: 1 });
    await ui.enterCode(wrong(third));
    await ui.expectError(ui.hrm.e['prep.too-many-attempts']);
    await ui.shot('error-too-many');
    await ui.enterCode(third);
    await ui.expectError(ui.hrm.e['prep.no-pending-code']);

    // A new code starts over and links the account.
    await mock.advanceClock(MINUTE + 1000);
    since = await mock.now();
    await ui.resend();
    await ui.expectCheckInbox(ERIK.email, true);
    await ui.enterCode(await codeSince(mock, ERIK.email, since, lang, 'Erik'));
    await ui.expectAllSet(ERIK.email);
  });
}

test('a company that skips verification links at once: no code, no email (Lilla Bolaget)', async ({ page, app, mock }) => {
  const ui = new PrepApp(page, app.host, 'sv');
  await ui.open();
  await ui.legacySignIn(PER.userId, PER.name);
  await ui.goToAccountSettings();
  await ui.pickSuggestion(PER.email);
  await ui.verifyAccount();
  await ui.expectAllSet(PER.email);
  await expect(page.getByRole('heading', { name: ui.p.verify.checkInbox })).toHaveCount(0);
  expect(await mock.outbox(PER.email)).toEqual([]);

  // "Manage your account" leads on to setting a password for the new account.
  await page.getByRole('button', { name: ui.p.done.manage }).click();
  await expect(page).toHaveURL(/#\/(connect\/account|hrm\/forgot)/);
});

for (const lang of LANGS) {
  test(`Settings > Visma Connect: sign in first, then the verification form (${lang})`, async ({ page, app }) => {
    const ui = new PrepApp(page, app.host, lang);
    await ui.open();
    await ui.hrm.goto('/settings');
    await page.getByRole('link', { name: ui.p.settings.link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: ui.p.settings.title })).toBeVisible();
    await expect(page.getByRole('heading', { name: ui.p.signInFirst.title })).toBeVisible();
    await ui.shot('settings-signed-out');
    await page.getByRole('link', { name: ui.p.signInFirst.link }).click();

    await ui.legacySignIn(ANNA.userId, ANNA.name);
    await ui.hrm.goto('/settings');
    await page.getByRole('link', { name: ui.p.settings.link, exact: true }).click();
    await ui.expectStart();
    await expect(page.getByRole('group', { name: ui.p.verify.proposal }).getByRole('button')).toHaveText([
      ANNA.email,
      'anna.svensson@gmail.com',
    ]);
    await ui.shot('settings-connect');
  });
}
