import type { MfaMethod, SessionView } from '@shared/contract';
import type { SignedIn } from '@shared/identity-api';
import { sixDigitCode } from '@shared/codes';
import { AppError } from '@shared/result';
import type { IdentityHttp } from './identity-http';
import type { InternalState } from './session-state';

type Step<S extends InternalState['step']> = Extract<InternalState, { step: S }>;

/** What the second step needs of the session's state machine (SessionService). */
export interface MfaHost {
  current(): InternalState;
  requireStep<S extends InternalState['step']>(step: S): Step<S>;
  set(next: InternalState): SessionView;
  /** Tells the renderer about a change it did not ask for (a push answered elsewhere, a dead ticket). */
  emit(view: SessionView): void;
  completeSignIn(signedIn: SignedIn, from: InternalState): Promise<SessionView>;
}

/**
 * The second step of a Connect sign-in: choosing a factor (push, app code, SMS, emergency code),
 * checking a code, and following a push request until it is answered on the phone.
 */
export class MfaSignIn {
  private pushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly http: IdentityHttp,
    private readonly host: MfaHost,
    private readonly pushPollMs = 700,
  ) {}

  async choose(method: MfaMethod): Promise<SessionView> {
    const mfa = this.host.requireStep('mfa');
    if (!mfa.factors.includes(method)) throw new AppError('session.expired');
    this.stopPushPolling();
    let next: InternalState = { ...mfa, method, push: null };
    try {
      if (method === 'push') {
        const p = await this.http.call('mfaPushStart', { body: { ticket: mfa.ticket } });
        next = { ...next, push: { pushId: p.pushId, number: p.number, state: 'pending' } };
      } else if (method === 'sms') {
        const sms = await this.http.call('mfaSmsSend', { body: { ticket: mfa.ticket } });
        next = { ...next, maskedPhone: sms.maskedPhone };
      }
    } catch (e) {
      return this.endDeadTicket(e);
    }
    const view = this.host.set(next);
    if (method === 'push') this.schedulePushPoll();
    return view;
  }

  async verify(code: string, rememberDevice: boolean): Promise<{ view: SessionView; newEmergencyCode: string | null }> {
    const mfa = this.host.requireStep('mfa');
    if (mfa.method === 'push') throw new AppError('session.expired');
    // App and SMS codes are six digits; the emergency code has its own letters and dashes.
    const typed = mfa.method === 'emergency' ? code : sixDigitCode(code);
    const signedIn = await this.http
      .call('mfaVerify', { body: { ticket: mfa.ticket, factor: mfa.method, code: typed, rememberDevice } })
      .catch((e: unknown) => this.endDeadTicket(e));
    const view = await this.host.completeSignIn(signedIn, mfa);
    return { view, newEmergencyCode: view.state.step === 'signed-in' ? (view.state.newEmergencyCode ?? null) : null };
  }

  /**
   * An expired ticket or one used up by too many failures cannot be retried: go back to the
   * start (and tell the renderer), then let the caller report why.
   */
  private endDeadTicket(e: unknown): never {
    const code = (e as { code?: unknown }).code;
    if (code === 'session.expired' || code === 'session.too-many-attempts') this.host.emit(this.host.set({ step: 'signed-out' }));
    throw e;
  }

  private schedulePushPoll(): void {
    this.pushTimer = setTimeout(() => void this.pollPush(), this.pushPollMs);
  }

  stopPushPolling(): void {
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = null;
  }

  /** Asks the server how the push request is doing; on an answer, moves on and tells the renderer. */
  async pollPush(): Promise<void> {
    this.pushTimer = null;
    const state = this.host.current();
    const mfa = state.step === 'mfa' ? state : null;
    if (!mfa?.push || mfa.push.state !== 'pending') return;
    try {
      const status = await this.http.call('mfaPushStatus', {
        body: { ticket: mfa.ticket, pushId: mfa.push.pushId, rememberDevice: false },
      });
      if (this.host.current() !== mfa) return;
      if (status.state === 'pending') {
        this.schedulePushPoll();
        return;
      }
      if (status.state === 'approved') this.host.emit(await this.host.completeSignIn(status.signIn, mfa));
      else {
        const pushState = status.state === 'denied' && status.reason === 'wrong-number' ? 'wrong-number' : status.state;
        this.host.emit(this.host.set({ ...mfa, push: { ...mfa.push, state: pushState } }));
      }
    } catch {
      if (this.host.current() === mfa) this.host.emit(this.host.set({ ...mfa, push: { ...mfa.push, state: 'expired' } }));
    }
  }
}
