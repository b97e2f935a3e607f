import { test, expect } from './support/hrm-fixtures';
import { HrmApp } from './support/hrm-pages';
import { AdminApp, fill, prepareOverHttp } from './support/admin-pages';

const HRM_PASSWORD = 'Demo1234!';

/**
 * Issue 14, the cutover safety net: beside the switch the admin sees who is not linked yet, with
 * the verification to send them, and is asked with the count; after the switch a user who never
 * linked gets guidance (ask the administrator), not "sign in with your email address", which
 * would only end at "Wrong email address or password".
 */
test('the cutover lists who is not linked with Resend verification, asks with the count, and guides a never-linked user after (sv)', async ({
  page,
  app,
  mock,
}) => {
  const hrm = new HrmApp(page, app.host, 'sv');
  const admin = new AdminApp(hrm);
  const { a } = admin;
  await prepareOverHttp(mock, 'anna', 'anna.svensson@foretaget.se', true);
  await prepareOverHttp(mock, 'maria', 'maria.lindqvist@foretaget.se', true);
  await prepareOverHttp(mock, 'erik', 'erik.johansson@foretaget.se', false);

  await hrm.open();
  await hrm.chooseBuiltInServer();
  await admin.legacySignIn('maria', HRM_PASSWORD);
  await admin.openAdministration();
  const unlinked = page.getByRole('list', { name: fill(a.cutover.unlinkedTitle, { count: 1 }) });
  await expect(unlinked).toBeVisible();
  await expect(unlinked.getByRole('listitem')).toHaveCount(1);
  await expect(unlinked.getByRole('listitem')).toContainText('Erik Johansson');
  // Resend from the list (after the one-a-minute limit of the code sent a moment ago).
  await mock.advanceClock(61_000);
  const since = await mock.now();
  await unlinked.getByRole('button', { name: fill(a.users.resendLabel, { name: 'Erik Johansson' }) }).click();
  await admin.expectToast(fill(a.users.resent, { email: 'erik.johansson@foretaget.se' }));
  await mock.waitForMessage('erik.johansson@foretaget.se', /verify/, since);

  // The question names how many cannot sign in afterwards.
  await admin.cutoverSwitch().click();
  const confirm = admin.dialog(a.cutover.confirmTitle);
  await expect(confirm.getByText(fill(a.cutover.confirmText, { company: 'Företaget AB', unlinked: 1 }))).toBeVisible();
  // Tab stays inside the dialog.
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    await expect(confirm.locator(':focus')).toHaveCount(1);
  }
  await confirm.getByRole('button', { name: a.cutover.confirm, exact: true }).click();
  await admin.expectToast(a.cutover.enabled);
  await expect(unlinked).toBeHidden();
  await hrm.goto('/hrm');
  await hrm.signOut();

  // Erik never linked: his user id and password get guidance, in Swedish.
  await admin.legacySignIn('erik', HRM_PASSWORD);
  await hrm.expectError(hrm.errorText('session.never-linked'));
  await expect(page.getByLabel(hrm.m.legacy.userId)).toBeFocused();
  // A linked user is told to use the email address, as before.
  await page.getByLabel(hrm.m.legacy.userId).fill('anna');
  await page.getByLabel(hrm.m.legacy.password).fill(HRM_PASSWORD);
  await page.getByRole('button', { name: hrm.m.legacy.signIn, exact: true }).click();
  await hrm.expectError(hrm.errorText('session.use-connect'));
});
