import type { HrmUser, Language } from '@shared/identity-api';
import type { MockContext } from '../context';

export interface HrmUserRow {
  id: string;
  company_id: string;
  user_id: string;
  password_hash: string;
  name: string;
  role: 'employee' | 'admin';
  language: Language;
  connect_account_id: string | null;
  linked_at: number | null;
  banner_snoozed_until: number | null;
}

export function findHrmUserByLogin(ctx: MockContext, userId: string): HrmUserRow | undefined {
  return ctx.db.prepare('SELECT * FROM hrm_users WHERE user_id = ?').get(userId) as HrmUserRow | undefined;
}

export function getHrmUser(ctx: MockContext, id: string): HrmUserRow | undefined {
  return ctx.db.prepare('SELECT * FROM hrm_users WHERE id = ?').get(id) as HrmUserRow | undefined;
}

export function requireHrmUser(ctx: MockContext, id: string): HrmUserRow {
  const u = getHrmUser(ctx, id);
  if (!u) throw new Error(`HRM user ${id} missing`);
  return u;
}

/** The HRM user a Connect account is linked to (one per account in this mock). */
export function hrmUserForAccount(ctx: MockContext, accountId: string): HrmUserRow | undefined {
  return ctx.db.prepare('SELECT * FROM hrm_users WHERE connect_account_id = ? ORDER BY linked_at LIMIT 1').get(accountId) as
    HrmUserRow | undefined;
}

export function listHrmUsers(ctx: MockContext, companyId: string): HrmUserRow[] {
  return ctx.db.prepare('SELECT * FROM hrm_users WHERE company_id = ? ORDER BY name').all(companyId) as HrmUserRow[];
}

export function suggestedEmails(ctx: MockContext, hrmUserId: string): string[] {
  return (
    ctx.db.prepare('SELECT email FROM hrm_suggested_emails WHERE hrm_user_id = ? ORDER BY position').all(hrmUserId) as { email: string }[]
  ).map((r) => r.email);
}

export function hrmUserView(ctx: MockContext, u: HrmUserRow): HrmUser {
  const company = ctx.db.prepare('SELECT name FROM companies WHERE id = ?').get(u.company_id) as { name: string };
  return { userId: u.user_id, name: u.name, role: u.role, language: u.language, companyId: u.company_id, companyName: company.name };
}

export function linkHrmUser(ctx: MockContext, hrmUserId: string, accountId: string | null): void {
  ctx.db
    .prepare('UPDATE hrm_users SET connect_account_id = ?, linked_at = ? WHERE id = ?')
    .run(accountId, accountId ? ctx.clock.now() : null, hrmUserId);
}
