import type { AccountOverview } from '@shared/identity-api';
import type { MockContext } from '../context';
import { hrmLink, requireAccount, type AccountRow } from './accounts';
import { audit } from './audit';
import { factorView, hasTwoFactor, listFactors } from './factors';

export function accountOverview(ctx: MockContext, account: AccountRow): AccountOverview {
  const devices = ctx.db
    .prepare('SELECT name, browser, country, ip, last_used_at FROM recent_devices WHERE account_id = ? ORDER BY last_used_at DESC LIMIT 10')
    .all(account.id) as { name: string; browser: string; country: string; ip: string; last_used_at: number }[];
  const remind = account.remind_later_until !== null && account.remind_later_until > ctx.clock.now() ? account.remind_later_until : null;
  return {
    account: {
      id: account.id,
      email: account.email,
      name: account.name,
      language: account.language,
      hasPassword: account.password_hash !== null,
    },
    twoFactor: { enabled: hasTwoFactor(ctx, account.id), factors: listFactors(ctx, account.id).map(factorView), remindLaterUntil: remind },
    devices: devices.map((d) => ({ name: d.name, browser: d.browser, country: d.country, ip: d.ip, lastUsedAt: d.last_used_at })),
    hrm: hrmLink(ctx, account.id),
  };
}

export function updateProfile(
  ctx: MockContext,
  account: AccountRow,
  patch: { name?: string | undefined; language?: 'sv' | 'en' | undefined },
): AccountOverview {
  ctx.db
    .prepare('UPDATE connect_accounts SET name = COALESCE(?, name), language = COALESCE(?, language) WHERE id = ?')
    .run(patch.name ?? null, patch.language ?? null, account.id);
  return accountOverview(ctx, requireAccount(ctx, account.id));
}

/** "Remind me later": no 2FA prompt at sign-in for a day. */
export function remindLater(ctx: MockContext, account: AccountRow): { remindLaterUntil: number } {
  const until = ctx.clock.now() + ctx.limits.remindLaterMs;
  ctx.db.prepare('UPDATE connect_accounts SET remind_later_until = ? WHERE id = ?').run(until, account.id);
  audit(ctx, '2fa.remind-later', account.email);
  return { remindLaterUntil: until };
}
