import type { Language, PasswordPreset } from '@shared/identity-api';
import type { MockContext } from '../context';
import { randomId } from './crypto';
import { companyForEmail, getCompany } from './companies';
import { hrmUserForAccount, hrmUserView } from './hrm-users';

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  language: Language;
  password_hash: string | null;
  password_changed_at: number | null;
  remind_later_until: number | null;
  created_at: number;
}

export function findAccountByEmail(ctx: MockContext, email: string): AccountRow | undefined {
  return ctx.db.prepare('SELECT * FROM connect_accounts WHERE email = ?').get(email.toLowerCase()) as AccountRow | undefined;
}

export function getAccount(ctx: MockContext, id: string): AccountRow | undefined {
  return ctx.db.prepare('SELECT * FROM connect_accounts WHERE id = ?').get(id) as AccountRow | undefined;
}

export function requireAccount(ctx: MockContext, id: string): AccountRow {
  const a = getAccount(ctx, id);
  if (!a) throw new Error(`Account ${id} missing`);
  return a;
}

export function createAccount(
  ctx: MockContext,
  email: string,
  name: string,
  language: Language,
  passwordHash: string | null = null,
): AccountRow {
  const id = randomId();
  const at = ctx.clock.now();
  ctx.db
    .prepare(
      'INSERT INTO connect_accounts (id, email, name, language, password_hash, password_changed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(id, email.toLowerCase(), name, language, passwordHash, passwordHash ? at : null, at);
  if (passwordHash)
    ctx.db.prepare('INSERT INTO password_history (account_id, hash, created_at) VALUES (?, ?, ?)').run(id, passwordHash, at);
  return requireAccount(ctx, id);
}

/** Sets the password and keeps only the last `historySize` hashes (current included). */
export function storePassword(ctx: MockContext, accountId: string, hash: string, historySize: number): void {
  const at = ctx.clock.now();
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE connect_accounts SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(hash, at, accountId);
    ctx.db.prepare('INSERT INTO password_history (account_id, hash, created_at) VALUES (?, ?, ?)').run(accountId, hash, at);
    ctx.db
      .prepare(
        'DELETE FROM password_history WHERE account_id = ? AND id NOT IN (SELECT id FROM password_history WHERE account_id = ? ORDER BY id DESC LIMIT ?)',
      )
      .run(accountId, accountId, historySize);
  })();
}

export function passwordHistory(ctx: MockContext, accountId: string, historySize: number): string[] {
  return (
    ctx.db.prepare('SELECT hash FROM password_history WHERE account_id = ? ORDER BY id DESC LIMIT ?').all(accountId, historySize) as {
      hash: string;
    }[]
  ).map((r) => r.hash);
}

/**
 * The password preset that applies to an address: the linked HRM user's company, else the company
 * owning the domain, else Connect's default. Known and unknown addresses resolve the same way.
 */
export function presetForEmail(ctx: MockContext, email: string, account?: AccountRow): PasswordPreset {
  const hrm = account ? hrmUserForAccount(ctx, account.id) : undefined;
  const company = hrm ? getCompany(ctx, hrm.company_id) : companyForEmail(ctx, email);
  return company?.passwordPolicy ?? 'connect';
}

/** The HRM side of a Connect account, for sign-in answers. */
export function hrmLink(ctx: MockContext, accountId: string) {
  const u = hrmUserForAccount(ctx, accountId);
  if (!u) return null;
  const company = getCompany(ctx, u.company_id);
  const view = hrmUserView(ctx, u);
  return {
    userId: view.userId,
    name: view.name,
    companyName: view.companyName,
    connectLoginEnabled: company?.connectLoginEnabled ?? false,
  };
}
