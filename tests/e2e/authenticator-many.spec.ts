import { Secret, TOTP } from 'otpauth';
import { test, expect } from './support/fixtures';
import { AuthenticatorPage } from './support/authenticator-page';

/**
 * Issue 16, many accounts: the first screen of cards at once, every account in the list by name
 * (screen readers, find-in-page), a full card as it nears the screen, search across all of them,
 * and a period boundary that fetches the codes of the cards on screen only (`vault.listCodes`),
 * never the whole vault again.
 */
const N = 60;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const accountAt = (i: number) => ({
  issuer: `Service ${i}`,
  label: `user${i}@example.com`,
  secret: Array.from({ length: 16 }, (_, k) => BASE32[(i * 7 + k * 13 + k * k) % 32]).join('') + BASE32[i % 32]! + BASE32[(i >> 5) % 32]!,
});

/** The shown code equals an independent computation; a period boundary between read and compute is tolerated. */
async function expectRightCode(ui: AuthenticatorPage, account: ReturnType<typeof accountAt>): Promise<void> {
  const shown = await ui.code(account);
  const totp = new TOTP({ secret: Secret.fromBase32(account.secret), algorithm: 'SHA1', digits: 6, period: 30 });
  const now = Date.now();
  expect([now - 30_000, now, now + 30_000].map((timestamp) => totp.generate({ timestamp }))).toContain(shown);
}

test(`${N} accounts: first screen, every account named, cards as they near the screen, search, and codes-only ticks`, async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const ui = new AuthenticatorPage(page, 'en');
  await app.host.core.dispatch('settings.updateSettings', { language: 'en' });
  for (let i = 0; i < N; i++) await app.host.core.dispatch('vault.addAccount', { source: 'manual', ...accountAt(i) });
  const calls: Array<{ channel: string; body: string }> = [];
  page.on('request', (r) => {
    const m = /\/api\/invoke\/([\w.]+)/.exec(r.url());
    if (m) calls.push({ channel: m[1]!, body: r.postData() ?? '' });
  });
  await ui.open(app.host.url);

  const list = page.getByRole('region', { name: ui.m.authenticator.listLabel });
  await expect(ui.copyButton(accountAt(0))).toBeVisible();
  await expectRightCode(ui, accountAt(0));
  // Every account is in the list, named, though only those near the screen are full cards.
  await expect(list.getByRole('listitem')).toHaveCount(N);
  const last = accountAt(N - 1);
  await expect(ui.card(last)).toBeAttached();
  await expect(ui.card(last)).toContainText(last.label);
  await expect(ui.copyButton(last)).toHaveCount(0);
  await ui.card(last).scrollIntoViewIfNeeded();
  await expect(ui.copyButton(last)).toBeVisible();
  await expectRightCode(ui, last);

  // Search reaches every account; the one found is a full card with its code.
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  const far = accountAt(45);
  await page.getByRole('searchbox', { name: ui.m.authenticator.search }).fill(far.issuer);
  await expect.poll(() => ui.order()).toEqual([far.issuer]);
  await expect(ui.copyButton(far)).toBeVisible();
  await expectRightCode(ui, far);
  await page.getByRole('searchbox', { name: ui.m.authenticator.search }).fill('');
  await expect(list.getByRole('listitem')).toHaveCount(N);

  // The next period boundary: the codes of the cards on screen only, and not the whole list.
  const from = calls.length;
  const ticks = () => calls.slice(from).filter((c) => c.channel === 'vault.listCodes');
  await expect.poll(() => ticks().length, { timeout: 35_000 }).toBeGreaterThan(0);
  const ids = (JSON.parse(ticks()[0]!.body) as { ids: string[] }).ids;
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.length).toBeLessThan(N / 2);
  expect(calls.slice(from).filter((c) => c.channel === 'vault.listAccounts')).toEqual([]);
  await expectRightCode(ui, accountAt(0));
});
