import type { SessionView, SetupFlowView, SetupStep } from '@shared/contract';
import { sixDigitCode } from '@shared/codes';
import { AppError } from '@shared/result';
import type { IdentityHttp } from './identity-http';
import { serverCodeOf } from './identity-http';
import type { PushDeviceClient } from './push-device';
import type { SessionService } from './session-service';
import { canMove, toSetupView, type SetupFlowState, type SetupFlowStore } from './setup-flow';

export interface EnrolmentOptions {
  /** How often a shown push QR asks the server whether a device (a phone, or this app) registered. */
  pollMs?: number;
}

/**
 * 2FA enrolment after sign-in (the first-login guide) as a flow in main (SetupFlowStore): every call
 * moves the flow on and answers with the session view that carries it, so the renderer only
 * shows the step main reports. Enrolment ids stay here; the renderer gets images, keys and codes.
 */
export class EnrolmentService {
  private pollTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly http: IdentityHttp,
    private readonly session: SessionService,
    private readonly device: PushDeviceClient,
    private readonly deviceName: string,
    private readonly flows: SetupFlowStore,
    private readonly options: EnrolmentOptions = {},
  ) {
    session.attachSetup(() => this.view());
  }

  private token(): string {
    return this.session.connectToken();
  }

  /** The signed-in Connect user's flow, if any. */
  private current(): SetupFlowState | null {
    const email = this.session.connectEmail();
    return email ? this.flows.get(email) : null;
  }

  private require(...steps: SetupStep[]): SetupFlowState {
    const f = this.current();
    if (!f || (steps.length > 0 && !steps.includes(f.step))) throw new AppError('session.expired');
    return f;
  }

  view(): SetupFlowView | null {
    const f = this.current();
    if (f) this.watchPush(f);
    return f ? toSetupView(f) : null;
  }

  private save(f: SetupFlowState): SessionView {
    this.flows.save(f);
    return this.session.touch();
  }

  /** "Enable" after sign-in, or "Set up 2FA" on the account page; an open flow is resumed, not restarted. */
  begin(origin: SetupFlowState['origin']): SessionView {
    const email = this.session.connectEmail();
    if (!email) throw new AppError('session.not-signed-in');
    if (!this.flows.get(email)) this.flows.begin(email, origin);
    return this.session.touch();
  }

  /** Leaves the set-up (account page "Back"); refused once a factor is on, so the emergency code is not skipped. */
  cancel(): SessionView {
    const f = this.current();
    if (f?.committed) throw new AppError('session.setup-unfinished');
    if (f) this.flows.end(f.email);
    this.stopPolling();
    return this.session.touch();
  }

  /** Next / Back / "I use another Authenticator app" / Skip. */
  async go(step: SetupStep): Promise<SessionView> {
    const f = this.require();
    // Skip (or Next without a number): the SMS backup is optional.
    if (step === 'emergency' && (f.step === 'sms' || f.step === 'sms-code')) return this.toEmergency({ ...f, sms: null });
    if (!canMove(f.step, step)) throw new AppError('session.expired');
    const next: SetupFlowState = { ...f, step };
    if (step === 'phone-qr' && !next.push) next.push = await this.http.call('pushEnrolStart', { token: this.token() });
    if (step === 'totp-qr' && !next.totp) next.totp = await this.http.call('totpEnrolStart', { token: this.token() });
    return this.save(next);
  }

  /** "Add to this computer's authenticator": registers this app as the push device; consent follows. */
  async pushLocal(): Promise<SessionView> {
    let f = this.require('start', 'phone-download', 'phone-qr');
    if (!f.push) f = this.flows.save({ ...f, push: await this.http.call('pushEnrolStart', { token: this.token() }) });
    const push = f.push!;
    let code: string | null;
    try {
      code = new URL(push.enrolUri).searchParams.get('code');
    } catch {
      code = null;
    }
    const r = await this.device.register(code ?? push.manualKey, this.deviceName);
    return this.save({ ...f, step: 'consent', consent: { verificationCode: r.verificationCode, deviceName: this.deviceName } });
  }

  async pushConsent(approve: boolean): Promise<SessionView> {
    const f = this.require('consent');
    if (!f.push) throw new AppError('session.expired');
    const status = await this.http.call('pushEnrolConsent', { token: this.token(), body: { enrolmentId: f.push.enrolmentId, approve } });
    if (!approve) return this.save({ ...f, step: 'start', push: null, consent: null });
    if (status.state !== 'active') throw new AppError('session.expired');
    return this.save({ ...f, step: 'sms', push: null, consent: null, committed: true });
  }

  async totpConfirm(code: string): Promise<SessionView> {
    const f = this.require('totp-code');
    if (!f.totp) throw new AppError('session.expired');
    await this.http.call('totpEnrolConfirm', { token: this.token(), body: { enrolmentId: f.totp.enrolmentId, code: sixDigitCode(code) } });
    return this.save({ ...f, step: 'sms', totp: null, committed: true });
  }

  async smsSend(phone: string): Promise<SessionView> {
    const f = this.require('sms', 'sms-code');
    const s = await this.http.call('smsEnrolStart', { token: this.token(), body: { phone, defaultCountryCode: '+46' } });
    return this.save({ ...f, step: 'sms-code', sms: { enrolmentId: s.enrolmentId, maskedPhone: s.maskedPhone } });
  }

  async smsConfirm(code: string): Promise<SessionView> {
    const f = this.require('sms-code');
    if (!f.sms) throw new AppError('session.expired');
    await this.http.call('smsEnrolConfirm', { token: this.token(), body: { enrolmentId: f.sms.enrolmentId, code: sixDigitCode(code) } });
    return this.toEmergency({ ...f, sms: null });
  }

  /** The emergency code step: the code is fetched once and kept in the flow until "Done". */
  private async toEmergency(f: SetupFlowState): Promise<SessionView> {
    const e = f.emergency ?? (await this.http.call('emergencyStart', { token: this.token() }));
    return this.save({ ...f, step: 'emergency', emergency: { enrolmentId: e.enrolmentId, code: e.code } });
  }

  /** "Done": the emergency code becomes active; the flow ends. An expired code is replaced and shown again. */
  async finish(): Promise<SessionView> {
    const f = this.require('emergency');
    if (!f.emergency) throw new AppError('session.expired');
    try {
      await this.http.call('emergencyConfirm', { token: this.token(), body: { enrolmentId: f.emergency.enrolmentId, stored: true } });
    } catch (e) {
      const code = serverCodeOf(e);
      if (code === 'enrolment.expired' || code === 'enrolment.invalid') {
        await this.toEmergency({ ...f, emergency: null });
        throw new AppError('session.emergency-renewed');
      }
      throw e;
    }
    this.flows.end(f.email);
    return this.session.twoFactorDone();
  }

  // --- A device registering with the shown QR or key ------------------------------------------

  /** While a push QR is out, asks the server whether a device took it; then moves to consent. */
  private watchPush(f: SetupFlowState): void {
    if (this.pollTimer || !f.push || !['start', 'phone-download', 'phone-qr'].includes(f.step)) return;
    this.pollTimer = setTimeout(() => void this.pollPush(), this.options.pollMs ?? 1000);
  }

  async pollPush(): Promise<void> {
    this.pollTimer = null;
    const f = this.current();
    if (!f?.push || !['start', 'phone-download', 'phone-qr'].includes(f.step)) return;
    try {
      const s = await this.http.call('pushEnrolStatus', { token: this.token(), body: { enrolmentId: f.push.enrolmentId } });
      const now = this.current();
      if (now?.id !== f.id || now.step !== f.step) return;
      if (s.state === 'awaiting-consent' && s.verificationCode) {
        this.save({ ...now, step: 'consent', consent: { verificationCode: s.verificationCode, deviceName: s.deviceName } });
        return;
      }
      if (s.state === 'expired') {
        this.save({ ...now, step: now.step === 'phone-qr' ? 'phone-download' : now.step, push: null });
        return;
      }
    } catch {
      // Signed out meanwhile, or the server is away for a moment: try again below while the QR is shown.
    }
    const again = this.current();
    if (again) this.watchPush(again);
  }

  stopPolling(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }
}
