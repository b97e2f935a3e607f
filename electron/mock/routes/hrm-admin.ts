import type { FastifyInstance } from 'fastify';
import { AppError } from '@shared/result';
import type { MockContext } from '../context';
import type { HrmAuth } from '../http/auth';
import { registerJson } from '../http/register';
import { getAccount } from '../services/accounts';
import { audit } from '../services/audit';
import { requireCompany, updateCompany } from '../services/companies';
import { findHrmUserByLogin, listHrmUsers, requireHrmUser, suggestedEmails, type HrmUserRow } from '../services/hrm-users';
import { pendingEmail, removeConnection, sendCode } from '../services/preparation';

/** HRM admin: company settings (incl. the cutover switch) and users' link status. */
export function hrmAdminRoutes(app: FastifyInstance, ctx: MockContext): void {
  /** Admins act on their own company only; other companies' users do not exist for them. */
  const companyUser = (auth: HrmAuth, userId: string): HrmUserRow => {
    const u = findHrmUserByLogin(ctx, userId);
    if (!u || u.company_id !== auth.user.company_id) throw new AppError('hrm.user-not-found');
    return u;
  };

  registerJson(app, ctx, 'adminCompany', ({ auth }) => requireCompany(ctx, auth.user.company_id));
  registerJson(app, ctx, 'adminCompanyUpdate', ({ auth, body }) => {
    const before = requireCompany(ctx, auth.user.company_id);
    // The switch stops user-ID sign-in for everyone: an admin who is not linked would lock
    // themselves out, with no one left to switch it back.
    if (body.connectLoginEnabled === true && !before.connectLoginEnabled && !auth.user.connect_account_id)
      throw new AppError('hrm.admin-not-linked');
    const after = updateCompany(ctx, auth.user.company_id, body);
    audit(ctx, 'company.settings-changed', after.id, { by: auth.user.user_id, changed: Object.keys(body) });
    if (before.connectLoginEnabled !== after.connectLoginEnabled) {
      audit(ctx, 'company.cutover', after.id, { by: auth.user.user_id, connectLoginEnabled: after.connectLoginEnabled });
    }
    return after;
  });
  registerJson(app, ctx, 'adminUsers', ({ auth }) => ({
    users: listHrmUsers(ctx, auth.user.company_id).map((u) => ({
      userId: u.user_id,
      name: u.name,
      role: u.role,
      language: u.language,
      linked: u.connect_account_id !== null,
      linkedEmail: u.connect_account_id ? (getAccount(ctx, u.connect_account_id)?.email ?? null) : null,
      pendingEmail: pendingEmail(ctx, u),
      suggestedEmails: suggestedEmails(ctx, u.id),
    })),
  }));
  registerJson(app, ctx, 'adminResend', ({ auth, params, body }) => {
    const u = companyUser(auth, params.userId);
    // No pending address: the first suggested one (the user may still pick another from the banner).
    const email = body.email ?? pendingEmail(ctx, u) ?? suggestedEmails(ctx, u.id)[0];
    if (!email) throw new AppError('preparation.no-pending-code');
    return sendCode(ctx, u, email, 'admin');
  });
  registerJson(app, ctx, 'adminRemoveConnection', ({ auth, params }) => {
    const u = companyUser(auth, params.userId);
    removeConnection(ctx, u, auth.user.user_id);
    return { userId: requireHrmUser(ctx, u.id).user_id, linked: false as const };
  });
}
