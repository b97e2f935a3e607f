import { definedOnly } from '@shared/defined';
import type { CompanySettings, PasswordPreset } from '@shared/identity-api';
import { AppError } from '@shared/result';
import type { MockContext } from '../context';

interface CompanyRow {
  id: string;
  name: string;
  identity_provider: 'password' | 'sso';
  sso_provider_name: string | null;
  email_verification_required: number;
  connect_login_enabled: number;
  password_policy: PasswordPreset;
}

export function getCompany(ctx: MockContext, id: string): CompanySettings | undefined {
  const row = ctx.db.prepare('SELECT * FROM companies WHERE id = ?').get(id) as CompanyRow | undefined;
  if (!row) return undefined;
  const domains = (
    ctx.db.prepare('SELECT domain FROM company_domains WHERE company_id = ? ORDER BY domain').all(id) as { domain: string }[]
  ).map((d) => d.domain);
  return {
    id: row.id,
    name: row.name,
    identityProvider: row.identity_provider,
    ssoProviderName: row.sso_provider_name,
    emailVerificationRequired: row.email_verification_required === 1,
    connectLoginEnabled: row.connect_login_enabled === 1,
    passwordPolicy: row.password_policy,
    emailDomains: domains,
  };
}

export function requireCompany(ctx: MockContext, id: string): CompanySettings {
  const c = getCompany(ctx, id);
  if (!c) throw new Error(`Company ${id} missing`);
  return c;
}

/** Home-realm discovery: the company that owns the address's domain, if any. */
export function companyForEmail(ctx: MockContext, email: string): CompanySettings | undefined {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const row = ctx.db.prepare('SELECT company_id FROM company_domains WHERE domain = ?').get(domain) as { company_id: string } | undefined;
  return row ? getCompany(ctx, row.company_id) : undefined;
}

export type CompanyInput = Omit<CompanySettings, 'id'> & { id: string };

export function insertCompany(ctx: MockContext, c: CompanyInput): void {
  ctx.db
    .prepare(
      `INSERT INTO companies (id, name, identity_provider, sso_provider_name, email_verification_required, connect_login_enabled, password_policy, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      c.id,
      c.name,
      c.identityProvider,
      c.ssoProviderName,
      c.emailVerificationRequired ? 1 : 0,
      c.connectLoginEnabled ? 1 : 0,
      c.passwordPolicy,
      ctx.clock.now(),
    );
  setDomains(ctx, c.id, c.emailDomains);
}

function setDomains(ctx: MockContext, companyId: string, domains: readonly string[]): void {
  for (const d of domains) {
    const owner = ctx.db.prepare('SELECT company_id FROM company_domains WHERE domain = ?').get(d) as { company_id: string } | undefined;
    if (owner && owner.company_id !== companyId) throw new AppError('request.invalid', { field: 'emailDomains', issue: 'domain-taken' });
  }
  ctx.db.prepare('DELETE FROM company_domains WHERE company_id = ?').run(companyId);
  const ins = ctx.db.prepare('INSERT INTO company_domains (domain, company_id) VALUES (?, ?)');
  for (const d of new Set(domains)) ins.run(d, companyId);
}

export function updateCompany(
  ctx: MockContext,
  id: string,
  patch: { [K in keyof Omit<CompanySettings, 'id'>]?: CompanySettings[K] | undefined },
): CompanySettings {
  return ctx.db.transaction(() => {
    const current = requireCompany(ctx, id);
    const next = { ...current, ...definedOnly(patch) };
    // SSO needs a provider name for the "Sign in with <provider>" button.
    if (next.identityProvider === 'sso' && !next.ssoProviderName) {
      throw new AppError('request.invalid', { field: 'ssoProviderName', issue: 'required-for-sso' });
    }
    ctx.db
      .prepare(
        `UPDATE companies SET name = ?, identity_provider = ?, sso_provider_name = ?, email_verification_required = ?,
         connect_login_enabled = ?, password_policy = ? WHERE id = ?`,
      )
      .run(
        next.name,
        next.identityProvider,
        next.ssoProviderName,
        next.emailVerificationRequired ? 1 : 0,
        next.connectLoginEnabled ? 1 : 0,
        next.passwordPolicy,
        id,
      );
    if (patch.emailDomains) setDomains(ctx, id, patch.emailDomains);
    return requireCompany(ctx, id);
  })();
}
