import type { SessionView, ServerChoice, MfaMethod, SetupFlowView } from '@shared/contract';
import type { SignInOutcome, SignedIn, DeviceInfo } from '@shared/identity-api';
import { AppError } from '@shared/result';
import type { IdentityHttp } from './identity-http';
import { MfaSignIn } from './mfa-sign-in';
import { serverCodeOf } from './identity-http';
import type { ServerConfig } from './server-config';
import type { CredentialStore } from './credential-store';
import type { SessionPersistence } from './session-persistence';
import { connectSignedIn, preferredMethod, replacementOf, toStep, type InternalState } from './session-state';

export interface SessionServiceDeps {
  http: IdentityHttp;
  server: ServerConfig;
  credentials: CredentialStore;
  /** Keeps the signed-in session across restarts (keychain); this run only when absent. */
  persistence?: SessionPersistence;
  device: DeviceInfo;
  /** Called whenever the state changes without a renderer call (push answered, session ended). */
  onChange?: (view: SessionView) => void;
  pushPollMs?: number | undefined;
}

const rememberKey = (email: string) => `remembered-device.${email.toLowerCase()}`;

/**
 * The HRM / Connect client session in main. Owns the state machine of the sign-in and every
 * token; the renderer gets `SessionView`s only. Talks to the identity server over HTTP.
 */
export class SessionService {
  private state: InternalState = { step: 'signed-out' };
  /** The 2FA set-up flow of the signed-in user (EnrolmentService), carried in every view. */
  private setupSource: () => SetupFlowView | null = () => null;

  private readonly mfa: MfaSignIn;

  constructor(private readonly deps: SessionServiceDeps) {
    this.mfa = new MfaSignIn(
      deps.http,
      {
        current: () => this.state,
        requireStep: (step) => this.requireStep(step),
        set: (next) => this.set(next),
        emit: (view) => this.emit(view),
        completeSignIn: (signedIn, from) => this.completeSignIn(signedIn, from),
      },
      deps.pushPollMs,
    );
  }

  get internal(): InternalState {
    return this.state;
  }

  /** Bearer token for account calls (2FA enrolment); throws when not signed in to Connect. */
  connectToken(): string {
    if (this.state.step !== 'signed-in' || !this.state.connectToken) throw new AppError('session.not-signed-in');
    return this.state.connectToken;
  }

  /** Bearer token for HRM calls (preparation, admin); throws when not signed in to HRM. */
  hrmToken(): string {
    if (this.state.step !== 'signed-in' || !this.state.hrmToken) throw new AppError('session.not-signed-in');
    return this.state.hrmToken;
  }

  isSignedIn(): boolean {
    return this.state.step === 'signed-in';
  }

  /** The signed-in Connect user's address (the key of their 2FA set-up flow); null otherwise. */
  connectEmail(): string | null {
    return this.state.step === 'signed-in' && this.state.connectToken ? this.state.user.email : null;
  }

  attachSetup(source: () => SetupFlowView | null): void {
    this.setupSource = source;
  }

  view(): SessionView {
    const choice = this.deps.server.choice();
    return {
      server: { kind: choice?.kind ?? 'embedded', url: choice?.kind === 'custom' ? choice.url : null, configured: choice !== null },
      savedEmail: this.deps.server.savedEmail(),
      state: toStep(this.state),
      setup: this.state.step === 'signed-in' ? this.setupSource() : null,
    };
  }

  /** Something the view carries changed outside the state machine (the set-up flow moved): told to the renderer. */
  touch(): SessionView {
    const view = this.view();
    this.emit(view);
    return view;
  }

  private set(next: InternalState): SessionView {
    if (this.state.step === 'mfa' && next.step !== 'mfa') this.mfa.stopPushPolling();
    this.state = next;
    if (next.step === 'signed-in') this.deps.persistence?.save(next);
    return this.view();
  }

  /** Signs in again with the session stored at the last run, if the server still honours it. */
  async restore(): Promise<SessionView> {
    const restored = await this.deps.persistence?.restore();
    // Only from the start: a user who began signing in meanwhile is not overridden.
    if (restored && this.state.step === 'signed-out') this.emit(this.set(restored));
    return this.view();
  }

  setServer(choice: ServerChoice): SessionView {
    const before = this.deps.persistence?.serverId();
    this.deps.server.set(choice);
    // Both servers' stored sessions go (once the choice is accepted): a token never meets another server.
    this.deps.persistence?.forget(before);
    this.deps.persistence?.forget();
    return this.set({ step: 'signed-out' });
  }

  /** Asks before another account's sign-in replaces this one (replacementOf, session-state.ts); a confirmed replacement signs this one out first. */
  async confirmReplacing(next: { email?: string; userId?: string }, confirm: boolean, keepSame = false): Promise<void> {
    if (this.state.step !== 'signed-in') return;
    if (replacementOf(this.state.user, next, confirm, keepSame) === 'replace') this.emit(await this.signOut());
  }

  async legacySignIn(userId: string, password: string, confirmReplace = false): Promise<SessionView> {
    await this.confirmReplacing({ userId: userId.trim() }, confirmReplace);
    const from = this.state;
    const s = await this.deps.http.call('hrmSignIn', { body: { userId, password } });
    if (this.state !== from) return this.discardLate(s.token, null);
    return this.set({
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
    if (d.method === 'sso') return this.set({ step: 'sso', email: normalized, provider: d.providerName });
    return this.set({ step: 'password', email: normalized });
  }

  restart(): SessionView {
    if (this.state.step === 'signed-in') return this.view();
    return this.set({ step: 'signed-out' });
  }

  private requireStep<S extends InternalState['step']>(step: S): Extract<InternalState, { step: S }> {
    if (this.state.step !== step) throw new AppError('session.expired');
    return this.state as Extract<InternalState, { step: S }>;
  }

  async password(password: string): Promise<SessionView> {
    const from = this.requireStep('password');
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
    const { email } = this.requireStep('sso');
    const s = await this.deps.http.call('ssoStart', { body: { email, device: this.deps.device } });
    return this.set({ step: 'idp', email, provider: s.providerName, ssoState: s.state });
  }

  /** The simulated IdP's consent, answered the way its page would post it; then finish. */
  async ssoComplete(approve: boolean): Promise<SessionView> {
    const from = this.requireStep('idp');
    const { email, provider, ssoState } = from;
    const answer = await this.deps.http.call('idpConsent', { body: { state: ssoState, approve } });
    if (answer.status === 'denied') {
      // Told to the renderer too: the failed call carries no view, and the IdP page stayed up.
      this.emit(this.set({ step: 'sso', email, provider }));
      throw new AppError('session.sso-cancelled');
    }
    const outcome = await this.deps.http.call('ssoFinish', { body: { state: ssoState, code: answer.code } });
    return this.afterSignIn(email, outcome, from);
  }

  async magicLink(token: string, confirmReplace = false): Promise<{ view: SessionView; email: string }> {
    if (this.state.step === 'signed-in') {
      // Whose link it is, without using it: a refused link stays usable.
      const { email } = await this.deps.http.call('magicInspect', { body: { token } });
      await this.confirmReplacing({ email }, confirmReplace);
    }
    const from = this.state;
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
      if (this.state !== from) return this.view();
      const method = preferredMethod(outcome.factors);
      this.set({
        step: 'mfa',
        email,
        ticket: outcome.ticket,
        factors: outcome.factors,
        method,
        maskedPhone: outcome.maskedPhone,
        push: null,
      });
      return this.mfaChoose(method);
    }
    return this.completeSignIn(outcome, from);
  }

  private async completeSignIn(s: SignedIn, from: InternalState): Promise<SessionView> {
    if (s.rememberedDeviceToken) this.deps.credentials.set(rememberKey(s.account.email), s.rememberedDeviceToken);
    // After the company's cutover a Connect sign-in opens an HRM session too (and brings the role).
    const hrm = s.hrm?.connectLoginEnabled
      ? await this.deps.http.call('hrmSignInConnect', { body: { connectToken: s.session.token } })
      : null;
    if (this.state !== from) return this.discardLate(hrm?.token ?? null, s.session.token);
    return this.set(connectSignedIn(s, hrm));
  }

  /** "I have safely copied and stored this code" for the sign-in's replacement emergency code. */
  emergencyCodeStored(): SessionView {
    const s = this.requireStep('signed-in');
    return this.set({ ...s, newEmergencyCode: null });
  }

  // --- 2FA at sign-in (MfaSignIn) -------------------------------------------------------------

  mfaChoose(method: MfaMethod): Promise<SessionView> {
    return this.mfa.choose(method);
  }

  mfaVerify(code: string, rememberDevice: boolean): Promise<{ view: SessionView; newEmergencyCode: string | null }> {
    return this.mfa.verify(code, rememberDevice);
  }

  private emit(view: SessionView): void {
    this.deps.onChange?.(view);
  }

  // --- Signed in ----------------------------------------------------------------------------

  async remindLater(): Promise<SessionView> {
    await this.deps.http.call('remindLater', { token: this.connectToken() });
    return this.twoFactorDone();
  }

  twoFactorDone(): SessionView {
    const s = this.requireStep('signed-in');
    return this.set({ ...s, offerTwoFactor: false });
  }

  /**
   * The server answered a call with this token `auth.invalid-session` (expired or revoked). When
   * it is the current session's, the user is signed out with the reason (the other token of the
   * pair is ended too), so every screen sends them to the sign-in instead of going on as if.
   */
  sessionEnded(token: string): void {
    const s = this.state;
    if (s.step !== 'signed-in' || (s.hrmToken !== token && s.connectToken !== token)) return;
    this.deps.persistence?.forget();
    this.emit(this.set({ step: 'signed-out', ended: s.user.method }));
    void this.endOnServer(s.hrmToken === token ? null : s.hrmToken, s.connectToken === token ? null : s.connectToken);
  }

  async signOut(): Promise<SessionView> {
    const s = this.state;
    this.deps.persistence?.forget();
    const view = this.set({ step: 'signed-out' });
    if (s.step === 'signed-in') await this.endOnServer(s.hrmToken, s.connectToken);
    return view;
  }

  /** Best effort: the local session is gone either way; a dead server must not keep the user in. */
  private async endOnServer(hrmToken: string | null, connectToken: string | null): Promise<void> {
    if (hrmToken) await this.deps.http.call('hrmSignOut', { token: hrmToken }).catch(() => undefined);
    if (connectToken) await this.deps.http.call('signOut', { token: connectToken }).catch(() => undefined);
  }

  /**
   * A sign-in the server completed after its flow moved on (a second click completed first,
   * Sign out was pressed, another link took over): its new session is ended on the server rather
   * than left valid, and the state stays as it is now. The flow's state object is the check
   * (pollPush's), so nothing but the flow a request began in can be completed by its answer.
   */
  private async discardLate(hrmToken: string | null, connectToken: string | null): Promise<SessionView> {
    await this.endOnServer(hrmToken, connectToken);
    return this.view();
  }

  close(): void {
    this.mfa.stopPushPolling();
  }
}
