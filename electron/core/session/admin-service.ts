import type { AdminCompany, AdminCompanyUpdate, AdminUserView } from '@shared/contract';
import type { IdentityRouteName } from '@shared/identity-api';
import type { CallOptions, IdentityHttp } from './identity-http';
import type { SessionService } from './session-service';
import { mapAdminError } from './admin-error-map';

/**
 * HRM administration for a signed-in HRM admin: company settings with the cutover
 * switch, the users' link status, resending a verification code and removing a connection.
 * The HRM session token stays in SessionService; the server checks the role on every call.
 */
export class AdminService {
  constructor(
    private readonly http: IdentityHttp,
    private readonly session: SessionService,
  ) {}

  private call<N extends IdentityRouteName>(name: N, options: Omit<CallOptions<N>, 'token' | 'mapError'> = {}) {
    return this.http.call(name, { ...options, token: this.session.hrmToken(), mapError: mapAdminError });
  }

  async company(): Promise<AdminCompany> {
    return toCompany(await this.call('adminCompany'));
  }

  async updateCompany(patch: AdminCompanyUpdate): Promise<AdminCompany> {
    const body = { ...patch };
    // Back to password sign-in: the provider's name no longer applies (the server keeps it otherwise).
    if (body.identityProvider === 'password' && body.ssoProviderName === undefined) body.ssoProviderName = null;
    if (body.emailDomains) body.emailDomains = [...new Set(body.emailDomains.map((d) => d.trim().toLowerCase()).filter(Boolean))];
    return toCompany(await this.call('adminCompanyUpdate', { body }));
  }

  async users(): Promise<{ users: AdminUserView[] }> {
    const { users } = await this.call('adminUsers');
    return {
      users: users.map((u) => ({
        userId: u.userId,
        name: u.name,
        role: u.role,
        status: u.linked ? 'linked' : u.pendingEmail ? 'pending' : 'none',
        linkedEmail: u.linkedEmail,
        pendingEmail: u.pendingEmail,
        suggestedEmail: u.suggestedEmails[0] ?? null,
      })),
    };
  }

  /** A new code to the user's pending address (the same rate limit as the user's own resend). */
  async resend(userId: string): Promise<{ status: 'code-sent' | 'linked'; email: string }> {
    const r = await this.call('adminResend', { params: { userId }, body: {} });
    return { status: r.status, email: r.email };
  }

  /** Unlinks the HRM user; the Connect account itself stays. Answers the updated list. */
  async removeConnection(userId: string): Promise<{ users: AdminUserView[] }> {
    await this.call('adminRemoveConnection', { params: { userId } });
    return this.users();
  }
}

function toCompany(c: AdminCompany & { id?: string }): AdminCompany {
  return {
    name: c.name,
    identityProvider: c.identityProvider,
    ssoProviderName: c.ssoProviderName,
    emailVerificationRequired: c.emailVerificationRequired,
    connectLoginEnabled: c.connectLoginEnabled,
    passwordPolicy: c.passwordPolicy,
    emailDomains: c.emailDomains,
  };
}
