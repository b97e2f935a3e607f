import type { MfaMethod, SessionView } from '@shared/contract';
import type { DeviceInfo, SignedIn, SignInOutcome } from '@shared/identity-api';
import { AppError } from '@shared/result';
import type { CredentialStore } from './credential-store';
import type { IdentityHttp } from './identity-http';
import { serverCodeOf } from './identity-http';
import type { MfaHost } from './mfa-sign-in';
import type { ServerConfig } from './server-config';
import { connectSignedIn, preferredMethod, replacementOf, type InternalState } from './session-state';

/** What the first step of a sign-in needs of the session's state machine (SessionService). */
export interface SignInHost extends Omit<MfaHost, 'completeSignIn'> {
  view(): SessionView;
  signOut(): Promise<SessionView>;
  /** Ends these sessions on the server, best effort. */
  endOnServer(hrmToken: string | null, connectToken: string | null): Promise<void>;
  /** Goes on to the second step with this factor (MfaSignIn). */
  mfaChoose(method: MfaMethod): Promise<SessionView>;
}

export interface SignInDeps {
  http: IdentityHttp;
  server: ServerConfig;
  credentials: CredentialStore;
  device: DeviceInfo;
}

const rememberKey = (email: string) => `remembered-device.${email.toLowerCase()}`;

/**
 * The first step of a sign-in, each way the app offers: the HRM's own (legacy) sign-in, Connect
 * discovery then password or SSO through the simulated IdP, and one-time links; then the
 * session it opens (and the HRM session a Connect sign-in brings after the cutover).
 */
export class SignInFlow {
  constructor(
    private readonly deps: SignInDeps,
    private readonly host: SignInHost,
  ) {}

  /** Asks before another account's sign-in replaces this one (replacementOf, session-state.ts); a confirmed replacement signs this one out first. */
  async confirmReplacing(next: { email?: string; userId?: string }, confirm: boolean, keepSame = false): Promise<void> {
    const state = this.host.current();
    if (state.step !== 'signed-in') return;
    if (replacementOf(state.user, next, confirm, keepSame) === 'replace') this.host.emit(await this.host.signOut());
  }

  async legacySignIn(userId: string, password: string, confirmReplace = false): Promise<SessionView> {
    await this.confirmReplacing({ userId: userId.trim() }, confirmReplace);
    const from = this.host.current();
    const s = await this.deps.http.call('hrmSignIn', { body: { userId, password } });
    if (this.host.current() !== from) return this.discardLate(s.token, null);
    return this.host.set({
      step: 'signed-in',
      user: { name: s.user.name, email: null, userId: s.user.userId, company: s.user.companyName, method: 'legacy', role: s.user.role },
      connectToken: null,
      hrmToken: s.token,
      expiresAt: s.expiresAt,
      offerTwoFactor: false,
    });
  }

  async discover(email: string, saveEmail: boolean, confirmReplace = false): Promise<SessionView> {
    const normalized = email.trim().toLowerCase();
    await this.confirmReplacing({ email: normalized }, confirmReplace);
    const d = await this.deps.http.call('discover', { body: { email } });
    this.deps.server.setSavedEmail(saveEmail ? normalized : null);
    if (d.method === 'not-available') throw new AppError('session.not-available');
    if (d.method === 'sso') return this.host.set({ step: 'sso', email: normalized, provider: d.providerName });
    return this.host.set({ step: 'password', email: normalized });
  }

  async password(password: string): Promise<SessionView> {
    const from = this.host.requireStep('password');
    const { email } = from;
    try {
      const outcome = await this.deps.http.call('signInPassword', {
        body: { email, password, device: this.deps.device, rememberedDeviceToken: this.rememberedFor(email) },
      });
      return await this.afterSignIn(email, outcome, from);
    } catch (e) {
      if (serverCodeOf(e) === 'connect.use-sso') return this.discover(email, this.deps.server.savedEmail() !== null);
      throw e;
    }
  }

  async ssoStart(): Promise<SessionView> {
    const { email } = this.host.requireStep('sso');
    const s = await this.deps.http.call('ssoStart', { body: { email, device: this.deps.device } });
    return this.host.set({ step: 'idp', email, provider: s.providerName, ssoState: s.state });
  }

  /** The simulated IdP's consent, answered the way its page would post it; then finish. */
  async ssoComplete(approve: boolean): Promise<SessionView> {
    const from = this.host.requireStep('idp');
    const { email, provider, ssoState } = from;
    const answer = await this.deps.http.call('idpConsent', { body: { state: ssoState, approve } });
    if (answer.status === 'denied') {
      // Told to the renderer too: the failed call carries no view, and the IdP page stayed up.
      this.host.emit(this.host.set({ step: 'sso', email, provider }));
      throw new AppError('session.sso-cancelled');
    }
    const outcome = await this.deps.http.call('ssoFinish', { body: { state: ssoState, code: answer.code } });
    return this.afterSignIn(email, outcome, from);
  }

  async magicLink(token: string, confirmReplace = false): Promise<{ view: SessionView; email: string }> {
    if (this.host.current().step === 'signed-in') {
      // Whose link it is, without using it: a refused link stays usable.
      const { email } = await this.deps.http.call('magicInspect', { body: { token } });
      await this.confirmReplacing({ email }, confirmReplace);
    }
    const from = this.host.current();
    const outcome = await this.deps.http.call('magicLink', { body: { token, device: this.deps.device } });
    const email = outcome.status === 'signed-in' ? outcome.account.email : '';
    return { view: await this.afterSignIn(email, outcome, from), email };
  }

  private rememberedFor(email: string): string | undefined {
    return this.deps.credentials.get(rememberKey(email)) ?? undefined;
  }

  /** `from`: the state the sign-in began in (see discardLate). */
  private async afterSignIn(email: string, outcome: SignInOutcome, from: InternalState): Promise<SessionView> {
    if (outcome.status === 'mfa-required') {
      // Moved on meanwhile: no session exists yet, the ticket just goes unused.
      if (this.host.current() !== from) return this.host.view();
      const method = preferredMethod(outcome.factors);
      this.host.set({
        step: 'mfa',
        email,
        ticket: outcome.ticket,
        factors: outcome.factors,
        method,
        maskedPhone: outcome.maskedPhone,
        push: null,
      });
      return this.host.mfaChoose(method);
    }
    return this.completeSignIn(outcome, from);
  }

  /** The server opened a Connect session (after the first step, or the second: MfaSignIn). */
  async completeSignIn(s: SignedIn, from: InternalState): Promise<SessionView> {
    if (s.rememberedDeviceToken) this.deps.credentials.set(rememberKey(s.account.email), s.rememberedDeviceToken);
    // After the company's cutover a Connect sign-in opens an HRM session too (and brings the role).
    const hrm = s.hrm?.connectLoginEnabled
      ? await this.deps.http.call('hrmSignInConnect', { body: { connectToken: s.session.token } })
      : null;
    if (this.host.current() !== from) return this.discardLate(hrm?.token ?? null, s.session.token);
    return this.host.set(connectSignedIn(s, hrm));
  }

  /**
   * A sign-in the server completed after its flow moved on (a second click completed first,
   * Sign out was pressed, another link took over): its new session is ended on the server rather
   * than left valid, and the state stays as it is now. The flow's state object is the check
   * (pollPush's), so nothing but the flow a request began in can be completed by its answer.
   */
  private async discardLate(hrmToken: string | null, connectToken: string | null): Promise<SessionView> {
    await this.host.endOnServer(hrmToken, connectToken);
    return this.host.view();
  }
}
