import type { SessionView, ServerChoice, MfaMethod, SignedInUser, SetupFlowView } from '@shared/contract';
import type { SignInOutcome, SignedIn, DeviceInfo } from '@shared/identity-api';
import { sixDigitCode } from '@shared/codes';
import { AppError } from '@shared/result';
import type { IdentityHttp } from './identity-http';
import { serverCodeOf } from './identity-http';
import type { ServerConfig } from './server-config';
import type { CredentialStore } from './credential-store';
import type { SessionPersistence } from './session-persistence';
import { preferredMethod, toStep, type InternalState } from './session-state';

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
  /** See SessionView.revision: counts every change of `state` (and of the server choice that goes with one). */
  private revision = 0;
  private pushTimer: ReturnType<typeof setTimeout> | null = null;
  /** The 2FA set-up flow of the signed-in user (EnrolmentService), carried in every view. */
  private setupSource: () => SetupFlowView | null = () => null;

  constructor(private readonly deps: SessionServiceDeps) {}

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
      revision: this.revision,
      setup: this.state.step === 'signed-in' ? this.setupSource() : null,
    };
  }

  /** Something the view carries changed outside the state machine (the set-up flow moved): a new revision, told to the renderer. */
  touch(): SessionView {
    this.revision++;
    const view = this.view();
    this.emit(view);
    return view;
  }

  private set(next: InternalState): SessionView {
    if (this.state.step === 'mfa' && next.step !== 'mfa') this.stopPushPolling();
    this.state = next;
    this.revision++;
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

  /**
   * While signed in, anything that would sign in another account (a one-time sign-in link, a reset
   * link, a new email or SSO sign-in, a legacy sign-in) is refused with `session.other-account`
   * { current, next } until the user confirms "You are signed in as X. Sign out and continue as Y?".
   * A confirmed replacement (and a new sign-in of the same account) first signs the current session
   * out on the server, so no valid session is left behind. `keepSame`: the same account's link does
   * not replace the session (a reset link signs nobody in).
   */
  private async beforeReplacing(next: { email?: string; userId?: string }, confirm: boolean, keepSame = false): Promise<void> {
    if (this.state.step !== 'signed-in') return;
    const { user } = this.state;
    const same =
      (next.email !== undefined && user.email?.toLowerCase() === next.email.toLowerCase()) ||
      (next.userId !== undefined && user.userId?.toLowerCase() === next.userId.toLowerCase());
    if (!same && !confirm) {
      throw new AppError('session.other-account', { current: user.email ?? user.userId ?? user.name, next: next.email ?? next.userId ?? '' });
    }
    if (same && keepSame) return;
    this.emit(await this.signOut());
  }

  async legacySignIn(userId: string, password: string, confirmReplace = false): Promise<SessionView> {
    await this.beforeReplacing({ userId: userId.trim() }, confirmReplace);
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
    await this.beforeReplacing({ email: normalized }, confirmReplace);
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
      this.set({ step: 'sso', email, provider });
      throw new AppError('session.sso-cancelled');
    }
    const outcome = await this.deps.http.call('ssoFinish', { body: { state: ssoState, code: answer.code } });
    return this.afterSignIn(email, outcome, from);
  }

  async magicLink(token: string, confirmReplace = false): Promise<{ view: SessionView; email: string }> {
    if (this.state.step === 'signed-in') {
      // Whose link it is, without using it: a refused link stays usable.
      const { email } = await this.deps.http.call('magicInspect', { body: { token } });
      await this.beforeReplacing({ email }, confirmReplace);
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
      this.set({ step: 'mfa', email, ticket: outcome.ticket, factors: outcome.factors, method, maskedPhone: outcome.maskedPhone, push: null });
      return this.mfaChoose(method);
    }
    return this.completeSignIn(outcome, from);
  }

  private async completeSignIn(s: SignedIn, from: InternalState): Promise<SessionView> {
    if (s.rememberedDeviceToken) this.deps.credentials.set(rememberKey(s.account.email), s.rememberedDeviceToken);
    let hrmToken: string | null = null;
    let company = s.hrm?.companyName ?? '';
    let name = s.hrm?.name ?? s.account.name;
    // The role comes with an HRM session only, i.e. after the company's cutover.
    let role: SignedInUser['role'] = null;
    let expiresAt = s.session.expiresAt;
    if (s.hrm?.connectLoginEnabled) {
      const hrm = await this.deps.http.call('hrmSignInConnect', { body: { connectToken: s.session.token } });
      hrmToken = hrm.token;
      company = hrm.user.companyName;
      name = hrm.user.name;
      role = hrm.user.role;
      expiresAt = Math.min(expiresAt, hrm.expiresAt);
    }
    if (this.state !== from) return this.discardLate(hrmToken, s.session.token);
    return this.set({
      step: 'signed-in',
      user: { name, email: s.account.email, userId: s.hrm?.userId ?? null, company, method: 'connect', role },
      connectToken: s.session.token,
      hrmToken,
      expiresAt,
      offerTwoFactor: s.twoFactorPrompt,
      newEmergencyCode: s.newEmergencyCode,
    });
  }

  /** "I have safely copied and stored this code" for the sign-in's replacement emergency code. */
  emergencyCodeStored(): SessionView {
    const s = this.requireStep('signed-in');
    return this.set({ ...s, newEmergencyCode: null });
  }

  // --- 2FA at sign-in -----------------------------------------------------------------------

  async mfaChoose(method: MfaMethod): Promise<SessionView> {
    const mfa = this.requireStep('mfa');
    if (!mfa.factors.includes(method)) throw new AppError('session.expired');
    this.stopPushPolling();
    let next: InternalState = { ...mfa, method, push: null };
    try {
      if (method === 'push') {
        const p = await this.deps.http.call('mfaPushStart', { body: { ticket: mfa.ticket } });
        next = { ...next, push: { pushId: p.pushId, number: p.number, state: 'pending' } };
      } else if (method === 'sms') {
        const sms = await this.deps.http.call('mfaSmsSend', { body: { ticket: mfa.ticket } });
        next = { ...next, maskedPhone: sms.maskedPhone };
      }
    } catch (e) {
      return this.endDeadTicket(e);
    }
    const view = this.set(next);
    if (method === 'push') this.schedulePushPoll();
    return view;
  }

  async mfaVerify(code: string, rememberDevice: boolean): Promise<{ view: SessionView; newEmergencyCode: string | null }> {
    const mfa = this.requireStep('mfa');
    if (mfa.method === 'push') throw new AppError('session.expired');
    // App and SMS codes are six digits; the emergency code has its own letters and dashes.
    const typed = mfa.method === 'emergency' ? code : sixDigitCode(code);
    const signedIn = await this.deps.http
      .call('mfaVerify', { body: { ticket: mfa.ticket, factor: mfa.method, code: typed, rememberDevice } })
      .catch((e: unknown) => this.endDeadTicket(e));
    const view = await this.completeSignIn(signedIn, mfa);
    return { view, newEmergencyCode: view.state.step === 'signed-in' ? (view.state.newEmergencyCode ?? null) : null };
  }

  /**
   * An expired ticket or one used up by too many failures cannot be retried: go back to the
   * start (and tell the renderer), then let the caller report why.
   */
  private endDeadTicket(e: unknown): never {
    const code = (e as { code?: unknown }).code;
    if (code === 'session.expired' || code === 'session.too-many-attempts') this.emit(this.set({ step: 'signed-out' }));
    throw e;
  }

  private schedulePushPoll(): void {
    this.pushTimer = setTimeout(() => void this.pollPush(), this.deps.pushPollMs ?? 700);
  }

  private stopPushPolling(): void {
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = null;
  }

  /** Asks the server how the push request is doing; on an answer, moves on and tells the renderer. */
  async pollPush(): Promise<void> {
    this.pushTimer = null;
    const mfa = this.state.step === 'mfa' ? this.state : null;
    if (!mfa?.push || mfa.push.state !== 'pending') return;
    try {
      const status = await this.deps.http.call('mfaPushStatus', {
        body: { ticket: mfa.ticket, pushId: mfa.push.pushId, rememberDevice: false },
      });
      if (this.state !== mfa) return;
      if (status.state === 'pending') {
        this.schedulePushPoll();
        return;
      }
      if (status.state === 'approved') this.emit(await this.completeSignIn(status.signIn, mfa));
      else {
        const state = status.state === 'denied' && status.reason === 'wrong-number' ? 'wrong-number' : status.state;
        this.emit(this.set({ ...mfa, push: { ...mfa.push, state } }));
      }
    } catch {
      if (this.state === mfa) this.emit(this.set({ ...mfa, push: { ...mfa.push, state: 'expired' } }));
    }
  }

  private emit(view: SessionView): void {
    this.deps.onChange?.(view);
  }

  // --- Recovery -----------------------------------------------------------------------------

  private humanToken: { token: string; until: number } | null = null;

  /** The robot check; returns how long it stays valid (the server's 2 minutes), so the form can untick it then. */
  async humanCheck(): Promise<number> {
    const r = await this.deps.http.call('humanCheck', { body: { notARobot: true } });
    // The server's clock may differ from ours: the token's lifetime, not its end, is what we keep.
    const validForMs = Math.max(0, Math.min(r.expiresAt - Date.now(), 10 * 60_000));
    this.humanToken = { token: r.humanToken, until: Date.now() + validForMs };
    return validForMs;
  }

  async forgotPassword(email: string, kind: 'reset' | 'magic', language: 'sv' | 'en'): Promise<void> {
    const check = this.humanToken;
    if (!check) throw new AppError('session.human-check');
    this.humanToken = null;
    if (Date.now() >= check.until) throw new AppError('session.human-check-expired');
    const humanToken = check.token;
    await this.deps.http.call('forgotPassword', {
      body: { email, kind: kind === 'magic' ? 'magic-link' : 'reset', humanToken, device: this.deps.device, language },
    });
  }

  async resetInspect(token: string, confirmReplace = false) {
    const info = await this.deps.http.call('resetInspect', { body: { token } });
    await this.beforeReplacing({ email: info.email }, confirmReplace, true);
    return info;
  }

  /** Refused for another account while signed in, like resetInspect: a renderer cannot skip the question. */
  async resetPassword(token: string, password: string): Promise<void> {
    if (this.state.step === 'signed-in') {
      const { email } = await this.deps.http.call('resetInspect', { body: { token } });
      await this.beforeReplacing({ email }, false, true);
    }
    await this.deps.http.call('resetPassword', { body: { token, password, device: this.deps.device } });
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
    this.stopPushPolling();
  }
}
