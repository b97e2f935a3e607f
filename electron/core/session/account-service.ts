import type { AccountOverviewView } from '@shared/contract';
import type { AccountOverview } from '@shared/identity-api';
import type { IdentityHttp } from './identity-http';
import type { SessionService } from './session-service';
import { mapAdminError } from './admin-error-map';

/**
 * The Connect account settings page (accountsettings.connect.visma.com, served by the embedded
 * server): profile, 2FA methods, recently used devices and the HRM link of the signed-in Connect
 * user, read with the Connect session SessionService holds.
 */
export class AccountService {
  constructor(
    private readonly http: IdentityHttp,
    private readonly session: SessionService,
  ) {}

  async overview(): Promise<AccountOverviewView> {
    return toView(await this.http.call('me', { token: this.session.connectToken(), mapError: mapAdminError }));
  }

  async removeFactor(factorId: string): Promise<AccountOverviewView> {
    await this.http.call('factorRemove', { token: this.session.connectToken(), params: { factorId }, mapError: mapAdminError });
    return this.overview();
  }
}

function toView(o: AccountOverview): AccountOverviewView {
  return {
    profile: { name: o.account.name, email: o.account.email, hasPassword: o.account.hasPassword },
    twoFactor: {
      enabled: o.twoFactor.enabled,
      factors: o.twoFactor.factors.map((f) => ({
        id: f.id,
        kind: f.kind,
        label: f.label,
        createdAt: f.createdAt,
        lastUsedAt: f.lastUsedAt,
      })),
    },
    devices: o.devices.map((d) => ({ name: d.name, browser: d.browser, country: d.country, ip: d.ip, lastUsedAt: d.lastUsedAt })),
    hrm: o.hrm,
  };
}
