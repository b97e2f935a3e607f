import type { PrepLinked, PrepSendResult, PrepView } from '@shared/contract';
import type { PreparationState } from '@shared/identity-api';
import type { IdentityHttp } from './identity-http';

/**
 * Account preparation for Visma Connect (the Get Started with Visma Connect guide) on behalf of the signed-in HRM user: the
 * banner's state, "Not right now", sending the verification code and verifying it. Every call
 * carries the HRM session token, which never leaves main; the renderer gets view models only.
 * The server owns every rule (30-minute codes, 5 attempts, send limits, the 24-hour snooze).
 */
export class PreparationService {
  constructor(
    private readonly http: IdentityHttp,
    /** The current HRM session token; throws `session.not-signed-in` without one. */
    private readonly hrmToken: () => string,
  ) {}

  async state(): Promise<PrepView> {
    const me = await this.http.call('hrmMe', { token: this.hrmToken() });
    return toView(me.user.name, me.preparation);
  }

  /** "Not right now": the server hides the banner for 24 hours. */
  async snooze(): Promise<PrepView> {
    const token = this.hrmToken();
    const [prep, me] = await Promise.all([this.http.call('hrmSnooze', { token }), this.http.call('hrmMe', { token })]);
    return toView(me.user.name, prep);
  }

  /** Sends a code to the address, or links at once where the company skips verification. */
  async sendCode(email: string): Promise<PrepSendResult> {
    const r = await this.http.call('hrmSendCode', { token: this.hrmToken(), body: { email } });
    if (r.status === 'linked') return { status: 'linked', email: r.email, accountCreated: r.accountCreated };
    const { email: to, expiresAt, attemptsLeft, resendAvailableAt } = r;
    return { status: 'code-sent', pending: { email: to, expiresAt, attemptsLeft, resendAvailableAt } };
  }

  async verify(code: string): Promise<PrepLinked> {
    const r = await this.http.call('hrmVerifyCode', { token: this.hrmToken(), body: { code } });
    return { status: 'linked', email: r.email, accountCreated: r.accountCreated };
  }
}

function toView(name: string, p: PreparationState): PrepView {
  return {
    name,
    linked: p.linked,
    linkedEmail: p.linkedEmail,
    bannerVisible: p.bannerVisible,
    suggestedEmails: p.suggestedEmails,
    pending: p.pending,
    verificationRequired: p.verificationRequired,
    connectLoginEnabled: p.connectLoginEnabled,
  };
}
