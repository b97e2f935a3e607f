import type { SessionView, ServerChoice, MfaMethod, SetupFlowView } from '@shared/contract';
import type { DeviceInfo } from '@shared/identity-api';
import { AppError } from '@shared/result';
import type { IdentityHttp } from './identity-http';
import { MfaSignIn } from './mfa-sign-in';
import { SignInFlow } from './sign-in-flow';
import type { ServerConfig } from './server-config';
import type { CredentialStore } from './credential-store';
import type { SessionPersistence } from './session-persistence';
import { toStep, type InternalState } from './session-state';

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

/**
 * The HRM / Connect client session in main. Owns the state machine of the sign-in and every
 * token; the renderer gets `SessionView`s only. Talks to the identity server over HTTP. The
 * first step of a sign-in is SignInFlow's (sign-in-flow.ts), the second MfaSignIn's.
 */
export class SessionService {
  private state: InternalState = { step: 'signed-out' };
  /** The 2FA set-up flow of the signed-in user (EnrolmentService), carried in every view. */
  private setupSource: () => SetupFlowView | null = () => null;

  private readonly mfa: MfaSignIn;
  private readonly signIn: SignInFlow;

  constructor(private readonly deps: SessionServiceDeps) {
    const host = {
      current: () => this.state,
      requireStep: <S extends InternalState['step']>(step: S) => this.requireStep(step),
      set: (next: InternalState) => this.set(next),
      emit: (view: SessionView) => this.emit(view),
    };
    this.signIn = new SignInFlow(deps, {
      ...host,
      view: () => this.view(),
      signOut: () => this.signOut(),
      endOnServer: (hrmToken, connectToken) => this.endOnServer(hrmToken, connectToken),
      mfaChoose: (method) => this.mfaChoose(method),
    });
    this.mfa = new MfaSignIn(deps.http, { ...host, completeSignIn: (s, from) => this.signIn.completeSignIn(s, from) }, deps.pushPollMs);
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

  // --- First step of a sign-in (SignInFlow) ------------------------------------------------------

  /** Asks before another account's sign-in replaces this one; a confirmed replacement signs this one out first. */
  confirmReplacing(next: { email?: string; userId?: string }, confirm: boolean, keepSame = false): Promise<void> {
    return this.signIn.confirmReplacing(next, confirm, keepSame);
  }

  legacySignIn(userId: string, password: string, confirmReplace = false): Promise<SessionView> {
    return this.signIn.legacySignIn(userId, password, confirmReplace);
  }

  discover(email: string, saveEmail: boolean, confirmReplace = false): Promise<SessionView> {
    return this.signIn.discover(email, saveEmail, confirmReplace);
  }

  password(password: string): Promise<SessionView> {
    return this.signIn.password(password);
  }

  ssoStart(): Promise<SessionView> {
    return this.signIn.ssoStart();
  }

  ssoComplete(approve: boolean): Promise<SessionView> {
    return this.signIn.ssoComplete(approve);
  }

  magicLink(token: string, confirmReplace = false): Promise<{ view: SessionView; email: string }> {
    return this.signIn.magicLink(token, confirmReplace);
  }

  restart(): SessionView {
    if (this.state.step === 'signed-in') return this.view();
    return this.set({ step: 'signed-out' });
  }

  private requireStep<S extends InternalState['step']>(step: S): Extract<InternalState, { step: S }> {
    if (this.state.step !== step) throw new AppError('session.expired');
    return this.state as Extract<InternalState, { step: S }>;
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

  close(): void {
    this.mfa.stopPushPolling();
  }
}
