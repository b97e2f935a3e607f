import { test, expect } from './support/hrm-fixtures';
import { HrmApp, type Lang } from './support/hrm-pages';

const LANGS: Lang[] = ['en', 'sv'];
import { DEMO } from './support/demo-accounts';
import { codeIn, totpAt } from './support/mock-control';
import { setPasswordOverHttp } from './support/accounts';
import { fill } from './support/admin-pages';

/**
 * Seed 001/002 end to end: sign in, enable 2FA with another authenticator app (the test computes
 * the TOTP from the manual key itself), SMS backup, emergency code; sign out; sign in with a
 * TOTP code; again with the emergency code (the new one works, the old one does not).
 */
for (const lang of LANGS) {
  test(`2FA with another authenticator app, SMS backup and the emergency code (${lang})`, async ({ page, app, mock }) => {
    const hrm = new HrmApp(page, app.host, lang);
    const { m } = hrm;
    const user = DEMO.twoFactor;
    await setPasswordOverHttp(mock, user.email, DEMO.newPassword);

    await hrm.open();
    await hrm.chooseBuiltInServer();
    await hrm.enterEmail(user.email);
    // Reload at each step: the flows live in main, so the same step comes back.
    await hrm.reload();
    await hrm.enterPassword(DEMO.newPassword);
    await expect(page.getByRole('heading', { name: m.setup.promptTitle })).toBeVisible();
    await hrm.reload();
    await page.getByRole('button', { name: m.setup.enable }).click();
    await expect(page.getByRole('heading', { name: m.setup.startTitle })).toBeVisible();
    await hrm.shot('2fa-start');
    await hrm.reload();
    await page.getByRole('button', { name: m.setup.otherApp }).click();

    // Another authenticator app, two screens: QR + manual key with Next; the test is that app.
    await expect(page.getByRole('img', { name: m.setup.qrAlt })).toBeVisible();
    const manualKey = (await page.getByTestId('totp-manual-key').textContent()) ?? '';
    expect(manualKey.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32,}$/);
    await hrm.shot('2fa-totp');
    await hrm.reload();
    await expect(page.getByTestId('totp-manual-key')).toHaveText(manualKey);
    await page.getByRole('button', { name: m.setup.next }).click();
    // ... then the code with Back / Next; focus is on the code field.
    await expect(page.getByRole('heading', { name: hrm.flow.totpCodeTitle })).toBeVisible();
    await expect(page.getByLabel(m.setup.codeLabel)).toBeFocused();
    await hrm.reload();
    await page.getByLabel(m.setup.codeLabel).fill(await totpAt(manualKey, await mock.now()));
    await page.getByRole('button', { name: m.setup.next }).click();

    // SMS backup, +46 by default. A reload once the code was accepted must not skip it (it did).
    await expect(page.getByRole('heading', { name: m.setup.smsTitle })).toBeVisible();
    await hrm.reload();
    await expect(page.getByRole('heading', { name: m.setup.smsTitle })).toBeVisible();
    await expect(page.getByLabel(m.setup.country)).toHaveValue('+46');
    await hrm.shot('2fa-sms');
    await page.getByLabel(m.setup.phone, { exact: true }).fill('070-123 45 67');
    await page.getByRole('button', { name: m.setup.next }).click();
    const sms = await mock.waitForMessage('+46701234567', /.*/);
    await hrm.reload();
    await page.getByLabel(/SMS/).fill(codeIn(sms));
    await page.getByRole('button', { name: m.setup.next }).click();

    // The emergency code: Done only after "I have safely copied and stored this code."; it stays
    // retrievable (across a reload) until then.
    await expect(page.getByRole('heading', { name: m.setup.emergencyTitle })).toBeVisible();
    const firstEmergency = (await page.getByTestId('emergency-code').textContent()) ?? '';
    expect(firstEmergency).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){4}$/);
    await hrm.reload();
    await expect(page.getByTestId('emergency-code')).toHaveText(firstEmergency);
    await expect(page.getByRole('button', { name: m.setup.done })).toBeDisabled();
    await hrm.shot('2fa-emergency');
    await page.getByRole('checkbox', { name: m.setup.stored }).check();
    await page.getByRole('button', { name: m.setup.done }).click();
    await hrm.expectHome(user.name);
    await hrm.signOut();

    // Sign in with a TOTP code (the next period, so it is not the enrolment code again).
    await mock.advanceClock(30_000);
    await hrm.signIn(user.email, DEMO.newPassword);
    await expect(page.getByRole('heading', { name: m.mfa.totpTitle })).toBeVisible();
    await hrm.shot('mfa-totp');
    const code = await totpAt(manualKey, await mock.now());
    await hrm.enterMfaCode(code);
    await hrm.expectHome(user.name);
    await hrm.signOut();

    // The same code again is refused (never accepted twice); the MFA step survives a reload.
    await hrm.signIn(user.email, DEMO.newPassword);
    await expect(page.getByRole('heading', { name: m.mfa.totpTitle })).toBeVisible();
    await hrm.reload();
    await hrm.enterMfaCode(code);
    // One failure counter per sign-in (5): the message says how many are left.
    await hrm.expectError(fill(hrm.e['session.reused-code'].attemptsLeft, { attemptsLeft: 4 }));

    // Try another way: the emergency code; a new one is shown once.
    await hrm.tryAnotherWay('methodEmergency');
    await hrm.enterMfaCode(firstEmergency);
    await expect(page.getByRole('heading', { name: m.mfa.newEmergencyTitle })).toBeVisible();
    const secondEmergency = (await page.getByTestId('emergency-code').textContent()) ?? '';
    expect(secondEmergency).not.toBe(firstEmergency);
    // A reload here lost the replacement for good; main keeps it until it is confirmed stored.
    await hrm.reload();
    await expect(page.getByTestId('emergency-code')).toHaveText(secondEmergency);
    await hrm.shot('mfa-new-emergency');
    await page.getByRole('checkbox', { name: m.setup.stored }).check();
    await page.getByRole('button', { name: m.setup.done }).click();
    await hrm.expectHome(user.name);
    await hrm.signOut();

    // The old emergency code no longer works; the new one does, and this device is remembered.
    await hrm.signIn(user.email, DEMO.newPassword);
    await hrm.tryAnotherWay('methodEmergency');
    await hrm.enterMfaCode(firstEmergency);
    await hrm.expectError(fill(hrm.e['session.wrong-code'].attemptsLeft, { attemptsLeft: 4 }));
    await hrm.enterMfaCode(secondEmergency, true);
    await expect(page.getByRole('heading', { name: m.mfa.newEmergencyTitle })).toBeVisible();
    await page.getByRole('checkbox', { name: m.setup.stored }).check();
    await page.getByRole('button', { name: m.setup.done }).click();
    await hrm.expectHome(user.name);
    await hrm.signOut();
    await hrm.signIn(user.email, DEMO.newPassword);
    await hrm.expectHome(user.name);
  });
}

test('2FA at sign-in by SMS code', async ({ page, app, mock }) => {
  const hrm = new HrmApp(page, app.host, 'sv');
  const { m } = hrm;
  const user = DEMO.twoFactor;
  await setPasswordOverHttp(mock, user.email, DEMO.newPassword);
  await hrm.open();
  await hrm.chooseBuiltInServer();
  await hrm.signIn(user.email, DEMO.newPassword);
  await page.getByRole('button', { name: m.setup.enable }).click();
  await page.getByRole('button', { name: m.setup.otherApp }).click();
  const manualKey = (await page.getByTestId('totp-manual-key').textContent()) ?? '';
  await page.getByRole('button', { name: m.setup.next }).click();
  await page.getByLabel(m.setup.codeLabel).fill(await totpAt(manualKey, await mock.now()));
  await page.getByRole('button', { name: m.setup.next }).click();
  await page.getByLabel(m.setup.phone, { exact: true }).fill('0701234567');
  await page.getByRole('button', { name: m.setup.next }).click();
  await page.getByLabel(/SMS/).fill(codeIn(await mock.waitForMessage('+46701234567', /.*/)));
  await page.getByRole('button', { name: m.setup.next }).click();
  await page.getByRole('checkbox', { name: m.setup.stored }).check();
  await page.getByRole('button', { name: m.setup.done }).click();
  await hrm.expectHome(user.name);
  await hrm.signOut();

  await hrm.signIn(user.email, DEMO.newPassword);
  const sent = await mock.now();
  await hrm.tryAnotherWay('methodSms');
  await expect(page.getByRole('heading', { name: /SMS/ })).toBeVisible();
  await hrm.shot('mfa-sms');
  // Letters are refused here and cost no attempt; a wrong code says how many are left.
  await hrm.enterMfaCode('12ab56');
  await hrm.expectError(hrm.e['field.invalid'].code);
  await hrm.enterMfaCode('000000');
  await hrm.expectError(fill(hrm.e['session.wrong-code'].attemptsLeft, { attemptsLeft: 4 }));
  await hrm.enterMfaCode(codeIn(await mock.waitForMessage('+46701234567', /.*/, sent)));
  await hrm.expectHome(user.name);
});
