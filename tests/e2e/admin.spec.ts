import { test, expect } from './support/hrm-fixtures';
import { HrmApp, type Lang } from './support/hrm-pages';
import { AdminApp, fill, prepareOverHttp } from './support/admin-pages';
import { totpAt } from './support/mock-control';
import { DEMO } from './support/demo-accounts';

/**
 * Issue 5, the admin side: Företaget AB's admin maria manages the company's Visma Connect
 * settings and users and turns on login with Visma Connect; then anna's first Connect sign-in
 * (seed 001/002) joins the two halves. And the Connect account settings page.
 */
const HRM_PASSWORD = 'Demo1234!';
const ANNA = { userId: 'anna', name: 'Anna Svensson', email: 'anna.svensson@foretaget.se' };
const ERIK = { userId: 'erik', name: 'Erik Johansson', email: 'erik.johansson@foretaget.se' };
const MARIA = { userId: 'maria', name: 'Maria Lindqvist' };
const JOHAN = {
  name: 'Johan Berg',
  email: 'johan.berg@nordbolaget.se',
  password: 'Connect-2025!',
  totp: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
};

for (const lang of ['en', 'sv'] as Lang[]) {
  test(`admin: users with link status, company settings, resend verification, remove connection (${lang})`, async ({ page, app, mock }) => {
    const hrm = new HrmApp(page, app.host, lang);
    const admin = new AdminApp(hrm);
    const { a } = admin;
    await prepareOverHttp(mock, ERIK.userId, ERIK.email, false);
    await prepareOverHttp(mock, ANNA.userId, ANNA.email, true);

    // An employee has no Administration, and the page itself says why.
    await hrm.open();
    await hrm.chooseBuiltInServer();
    await admin.legacySignIn(ANNA.userId, HRM_PASSWORD);
    await hrm.expectHome(ANNA.name);
    await expect(page.getByRole('link', { name: a.link })).toHaveCount(0);
    await hrm.goto('/hrm/admin');
    await expect(page.getByText(a.notAdmin)).toBeVisible();
    await hrm.goto('/hrm');
    await hrm.signOut();

    await admin.legacySignIn(MARIA.userId, HRM_PASSWORD);
    await hrm.expectHome(MARIA.name);
    await admin.openAdministration();
    await admin.expectStatus(ANNA.name, 'linked', ANNA.email);
    await admin.expectStatus(ERIK.name, 'pending', ERIK.email);
    await admin.expectStatus(MARIA.name, 'none');
    await expect(admin.cutoverSwitch()).not.toBeChecked();
    await expect(page.getByText(fill(a.cutover.offText, { linked: 1, total: 3 }))).toBeVisible();
    await admin.shot('page');

    // Defect (issue 14): an unlinked admin could switch everyone over and lock themselves out too.
    // While Maria's own user is not linked the switch is off limits, and says why.
    await expect(page.getByText(a.cutover.selfNotLinked)).toBeVisible();
    await expect(admin.cutoverSwitch()).toBeDisabled();
    // A user with no pending address gets a first verification, to the suggested address.
    await expect(
      admin
        .row(MARIA.name)
        .getByRole('button', { name: fill(a.users.sendLabel, { name: MARIA.name, email: 'maria.lindqvist@foretaget.se' }) }),
    ).toBeVisible();

    // Company settings: a bad domain is refused with its own message; NIST and SSO are saved.
    const domains = page.getByLabel(a.company.domains);
    await expect(domains).toHaveValue('foretaget.se');
    await domains.fill('foretaget.se\nnot a domain');
    await page.getByRole('button', { name: a.company.save }).click();
    await admin.expectAlert(admin.hrm.e['field.invalid'].emailDomains);
    await domains.fill('foretaget.se\nforetaget.com');
    await page.getByRole('radio', { name: a.company.policyNist }).check();
    await page.getByRole('radio', { name: a.company.providerSso }).check();
    await page.getByLabel(a.company.ssoName).fill('Entra ID');
    await page.getByRole('button', { name: a.company.save }).click();
    await admin.expectToast(a.company.saved);
    // What the server now holds, read back by opening the page again.
    await hrm.goto('/hrm');
    await admin.openAdministration();
    await expect(page.getByRole('radio', { name: a.company.policyNist })).toBeChecked();
    await expect(page.getByLabel(a.company.ssoName)).toHaveValue('Entra ID');
    await expect(page.getByLabel(a.company.domains)).toHaveValue(/foretaget\.com/);
    await page.getByRole('radio', { name: a.company.providerPassword }).check();
    await page.getByRole('button', { name: a.company.save }).click();
    await admin.expectToast(a.company.saved);

    // Resend: Erik was sent a code a moment ago, so the 1-a-minute limit answers first.
    await admin
      .row(ERIK.name)
      .getByRole('button', { name: fill(a.users.resendLabel, { name: ERIK.name }) })
      .click();
    await expect(page.getByRole('alert').filter({ hasText: admin.hrm.e['admin.rate-limited'].seconds.split('{')[0] ?? '' })).toBeVisible();
    await mock.advanceClock(61_000);
    const since = await mock.now();
    await admin
      .row(ERIK.name)
      .getByRole('button', { name: fill(a.users.resendLabel, { name: ERIK.name }) })
      .click();
    await admin.expectToast(fill(a.users.resent, { email: ERIK.email }));
    const mail = await mock.waitForMessage(ERIK.email, /verify/, since);
    expect(mail.text).toMatch(/\b\d{6}\b/);

    // Remove connection, confirmed: Anna is no longer linked.
    await admin
      .row(ANNA.name)
      .getByRole('button', { name: fill(a.users.removeLabel, { name: ANNA.name }) })
      .click();
    const remove = admin.dialog(a.users.removeTitle);
    await expect(remove.getByText(fill(a.users.removeText, { name: ANNA.name, email: ANNA.email }))).toBeVisible();
    await remove.getByRole('button', { name: a.users.remove }).click();
    await admin.expectToast(fill(a.users.removed, { name: ANNA.name }));
    await admin.expectStatus(ANNA.name, 'none');
    // No connection to remove any more; what is left is a new verification to her suggested address.
    await expect(admin.row(ANNA.name).getByRole('button')).toHaveCount(1);
    await expect(
      admin.row(ANNA.name).getByRole('button', { name: fill(a.users.sendLabel, { name: ANNA.name, email: ANNA.email }) }),
    ).toBeVisible();
  });
}

test('join-up: the admin turns on login with Visma Connect, and a linked user signs in with Connect for the first time', async ({
  page,
  app,
  mock,
}) => {
  const hrm = new HrmApp(page, app.host, 'sv');
  const admin = new AdminApp(hrm);
  const { m } = hrm;
  const { a } = admin;
  await prepareOverHttp(mock, ANNA.userId, ANNA.email, true);
  await prepareOverHttp(mock, MARIA.userId, 'maria.lindqvist@foretaget.se', true);

  await hrm.open();
  await hrm.chooseBuiltInServer();
  await admin.legacySignIn(MARIA.userId, HRM_PASSWORD);
  await admin.openAdministration();
  // The cutover asks first, with who is not linked yet; Cancel leaves it off.
  await admin.cutoverSwitch().click();
  const confirm = admin.dialog(a.cutover.confirmTitle);
  await expect(confirm.getByText(fill(a.cutover.confirmText, { company: 'Företaget AB', unlinked: 1 }))).toBeVisible();
  await admin.shot('cutover-confirm', false);
  await confirm.getByRole('button', { name: 'Avbryt' }).click();
  await expect(confirm).toBeHidden();
  await expect(admin.cutoverSwitch()).not.toBeChecked();
  await admin.cutoverSwitch().click();
  await confirm.getByRole('button', { name: a.cutover.confirm, exact: true }).click();
  await admin.expectToast(a.cutover.enabled);
  await expect(admin.cutoverSwitch()).toBeChecked();
  await expect(page.getByText(a.cutover.onText)).toBeVisible();
  await hrm.goto('/hrm');
  await hrm.signOut();

  // The user id no longer works: the message says to use Visma Connect.
  await admin.legacySignIn(ANNA.userId, HRM_PASSWORD);
  await hrm.expectError(hrm.errorText('session.use-connect'));
  await page.getByRole('button', { name: m.legacy.useConnect }).click();

  // First Connect sign-in (seed 001/002): email -> Forgot your password? -> reset link -> password.
  await hrm.enterEmail(ANNA.email);
  await expect(page.getByTestId('signin-identity')).toHaveText(ANNA.email);
  const since = await mock.now();
  await hrm.requestLink('reset');
  const reset = await mock.waitForMessage(ANNA.email, /reset/, since);
  await page.getByRole('link', { name: m.checkEmail.openMailbox }).click();
  await page
    .getByRole('button', { name: reset.links[0]?.label ?? '' })
    .first()
    .click();
  await hrm.setNewPassword(DEMO.newPassword);
  await page.getByRole('button', { name: m.reset.toSignIn }).click();
  await hrm.signIn(ANNA.email, DEMO.newPassword);
  await expect(page.getByRole('heading', { name: m.setup.promptTitle })).toBeVisible();
  await hrm.remindLater();
  await hrm.expectHome(ANNA.name);
  await expect(page.getByTestId('home-identity')).toHaveText(ANNA.email);
  await expect(page.getByText(m.home.methodConnect, { exact: true })).toBeVisible();
  await expect(page.getByTestId('home-company')).toHaveText('Företaget AB');
  // Linked and moved to Connect: no "We are upgrading our login solution!" banner any more.
  await expect(page.getByText(/Vi uppgraderar vår inloggningslösning|We are upgrading our login solution/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: a.link })).toHaveCount(0);
});

for (const lang of ['en', 'sv'] as Lang[]) {
  test(`Connect account page: the way in when signed out; 2FA methods and recently used devices (${lang})`, async ({ page, app, mock }) => {
    const hrm = new HrmApp(page, app.host, lang);
    const admin = new AdminApp(hrm);
    const { c } = admin;
    const { m } = hrm;

    await hrm.open();
    await hrm.chooseBuiltInServer();
    // Not signed in: the seed's way in is the email address and "Forgot your password?".
    await hrm.goto(`/connect/account?email=${encodeURIComponent(ANNA.email)}`);
    await expect(page.getByRole('heading', { name: c.signedOutTitle })).toBeVisible();
    await expect(page.getByLabel(c.email, { exact: true })).toHaveValue(ANNA.email);
    await admin.shot('account-signed-out');
    await page.getByRole('button', { name: c.forgot }).click();
    await expect(page.getByRole('heading', { name: m.forgot.title })).toBeVisible();
    await expect(page.getByLabel(m.forgot.email, { exact: true })).toHaveValue(ANNA.email);
    await page.getByRole('button', { name: m.forgot.back }).click();

    // Johan: password + TOTP.
    await hrm.signIn(JOHAN.email, JOHAN.password);
    await hrm.enterMfaCode(await totpAt(JOHAN.totp, await mock.now()));
    await hrm.expectHome(JOHAN.name);
    await page.getByRole('link', { name: c.open }).click();
    await expect(page.getByRole('heading', { name: c.title, level: 1 })).toBeVisible();
    await expect(page.getByTestId('account-email')).toHaveText(JOHAN.email);

    const methods = page.getByRole('list', { name: c.methods });
    await expect(methods.getByRole('listitem').filter({ hasText: c.kind.totp }).getByText(new RegExp(c.neverUsed))).toHaveCount(0);
    for (const kind of ['totp', 'sms', 'emergency'] as const) await expect(methods.getByText(c.kind[kind], { exact: true })).toBeVisible();
    const devices = page.getByRole('table', { name: c.devicesCaption });
    // The server's English device words in the UI's language (issue 14: "Local network" in Swedish).
    const device = devices.getByRole('row').filter({ hasText: c.deviceWords.desktopApp });
    await expect(device).toHaveCount(1);
    await expect(device.getByRole('cell', { name: '127.0.0.1' })).toBeVisible();
    await expect(device.getByRole('cell', { name: c.deviceWords.localNetwork })).toBeVisible();
    await admin.shot('account');

    // Remove the SMS method, confirmed.
    const smsMethod = `${c.kind.sms} (+46*******67)`;
    await methods.getByRole('button', { name: fill(c.removeLabel, { method: smsMethod }), exact: true }).click();
    const dialog = admin.dialog(fill(c.removeTitle, { method: smsMethod }));
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: c.remove }).click();
    await admin.expectToast(fill(c.removed, { method: smsMethod }));
    await expect(methods.getByText(c.kind.sms, { exact: true })).toHaveCount(0);
    await expect(methods.getByText(c.kind.totp, { exact: true })).toBeVisible();

    // "Set up two-factor authentication" opens the existing set-up flow; back returns here.
    await page.getByRole('button', { name: c.setup }).click();
    await expect(page.getByRole('heading', { name: m.setup.startTitle })).toBeVisible();
    await page.getByRole('button', { name: c.backToAccount }).click();
    await expect(page.getByRole('heading', { name: c.devices })).toBeVisible();

    // ... and through to the end: another authenticator app, no SMS, a new emergency code.
    await page.getByRole('button', { name: c.setup }).click();
    await page.getByRole('button', { name: m.setup.otherApp }).click();
    const manualKey = (await page.getByTestId('totp-manual-key').textContent()) ?? '';
    await page.getByRole('button', { name: m.setup.next }).click();
    await page.getByLabel(m.setup.codeLabel).fill(await totpAt(manualKey, await mock.now()));
    await page.getByRole('button', { name: m.setup.next }).click();
    await page.getByRole('button', { name: m.setup.skip, exact: true }).click();
    await page.getByRole('checkbox', { name: m.setup.stored }).check();
    await page.getByRole('button', { name: m.setup.done }).click();
    await admin.expectToast(c.setupDone);
    // The new app replaced the one Johan signed in with: used never, where the old one was used today.
    const appItem = methods.getByRole('listitem').filter({ hasText: c.kind.totp });
    await expect(appItem).toHaveCount(1);
    await expect(appItem.getByText(new RegExp(c.neverUsed))).toBeVisible();
  });
}
