import { AppError } from '@shared/result';
import type { IdentityHttp } from './identity-http';
import type { PushDeviceClient } from './push-device';
import type { SessionService } from './session-service';

/**
 * 2FA enrolment after sign-in (seed 001/002), with the signed-in Connect session held by the
 * SessionService. Enrolment ids stay here; the renderer gets images, keys and codes to show.
 */
export class EnrolmentService {
  private push: { enrolmentId: string; enrolUri: string; manualKey: string; qrDataUrl: string } | null = null;
  private totpId: string | null = null;
  private smsId: string | null = null;
  private emergencyId: string | null = null;

  constructor(
    private readonly http: IdentityHttp,
    private readonly session: SessionService,
    private readonly device: PushDeviceClient,
    private readonly deviceName: string,
  ) {}

  private token(): string {
    return this.session.connectToken();
  }

  private async pushEnrolment() {
    this.push ??= await this.http.call('pushEnrolStart', { token: this.token() });
    return this.push;
  }

  /** The QR and manual key for an authenticator on a phone. */
  async pushQr(): Promise<{ qrDataUrl: string; manualKey: string }> {
    const p = await this.pushEnrolment();
    return { qrDataUrl: p.qrDataUrl, manualKey: p.manualKey };
  }

  /** "Add to this computer's authenticator": registers this app as the push device. */
  async pushLocal(): Promise<{ verificationCode: string; email: string }> {
    const p = await this.pushEnrolment();
    let code: string | null;
    try {
      code = new URL(p.enrolUri).searchParams.get('code');
    } catch {
      code = null;
    }
    return this.device.register(code ?? p.manualKey, this.deviceName);
  }

  async pushConsent(approve: boolean): Promise<void> {
    const p = this.push;
    if (!p) throw new AppError('session.expired');
    const status = await this.http.call('pushEnrolConsent', { token: this.token(), body: { enrolmentId: p.enrolmentId, approve } });
    this.push = null;
    if (approve && status.state !== 'active') throw new AppError('session.expired');
  }

  async totp(): Promise<{ qrDataUrl: string; manualKey: string }> {
    const t = await this.http.call('totpEnrolStart', { token: this.token() });
    this.totpId = t.enrolmentId;
    return { qrDataUrl: t.qrDataUrl, manualKey: t.manualKey };
  }

  async totpConfirm(code: string): Promise<void> {
    if (!this.totpId) throw new AppError('session.expired');
    await this.http.call('totpEnrolConfirm', { token: this.token(), body: { enrolmentId: this.totpId, code } });
    this.totpId = null;
  }

  async smsSend(phone: string): Promise<{ maskedPhone: string }> {
    const s = await this.http.call('smsEnrolStart', { token: this.token(), body: { phone, defaultCountryCode: '+46' } });
    this.smsId = s.enrolmentId;
    return { maskedPhone: s.maskedPhone };
  }

  async smsConfirm(code: string): Promise<void> {
    if (!this.smsId) throw new AppError('session.expired');
    await this.http.call('smsEnrolConfirm', { token: this.token(), body: { enrolmentId: this.smsId, code } });
    this.smsId = null;
  }

  async emergency(): Promise<{ code: string }> {
    const e = await this.http.call('emergencyStart', { token: this.token() });
    this.emergencyId = e.enrolmentId;
    return { code: e.code };
  }

  async finish(): Promise<void> {
    if (!this.emergencyId) throw new AppError('session.expired');
    await this.http.call('emergencyConfirm', { token: this.token(), body: { enrolmentId: this.emergencyId, stored: true } });
    this.emergencyId = null;
  }
}
