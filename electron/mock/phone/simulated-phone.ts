import type { PushRequestView } from '@shared/identity-api';

interface Envelope<T> {
  ok: boolean;
  value: T;
  error?: { code: string };
}

/**
 * A tiny simulated phone running "Visma Authenticator" against the identity server, for the
 * demo and the tests to walk the first-login guide end to end: it registers with the key under
 * "Can't scan the QR code?" (or the QR's enrolment URI), shows the verification code for the
 * consent screen, lists push sign-in requests and answers them with the number picked.
 */
export class SimulatedPhone {
  private device: { deviceId: string; credential: string; verificationCode: string; email: string } | null = null;

  constructor(
    private readonly serverUrl: string,
    readonly name = 'Simulated phone',
  ) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.device) headers.Authorization = `Bearer ${this.device.credential}`;
    const res = await fetch(new URL(path, this.serverUrl), { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    const json = (await res.json()) as Envelope<T>;
    if (!json.ok) throw new Error(json.error?.code ?? `HTTP ${res.status}`);
    return json.value;
  }

  /** Adds the account with the manual key or the QR's `flexconnect-push://enrol?...&code=` URI. */
  async register(keyOrUri: string): Promise<{ verificationCode: string; email: string }> {
    let code = keyOrUri.trim();
    if (code.startsWith('flexconnect-push:')) code = new URL(code).searchParams.get('code') ?? '';
    const r = await this.call<{ deviceId: string; deviceCredential: string; verificationCode: string; accountEmail: string }>(
      'POST',
      '/devices/register',
      {
        enrolmentCode: code,
        deviceName: this.name,
        platform: 'simulated',
      },
    );
    this.device = { deviceId: r.deviceId, credential: r.deviceCredential, verificationCode: r.verificationCode, email: r.accountEmail };
    return { verificationCode: r.verificationCode, email: r.accountEmail };
  }

  private id(): string {
    if (!this.device) throw new Error('The phone has no account yet: register first.');
    return this.device.deviceId;
  }

  async pending(): Promise<PushRequestView[]> {
    return (await this.call<{ requests: PushRequestView[] }>('GET', `/devices/${this.id()}/push-requests`)).requests;
  }

  /** Approves with the number picked, or denies; a wrong number is refused by the server. */
  async answer(pushId: string, approve: boolean, number?: string): Promise<'approved' | 'denied'> {
    const body = approve ? { decision: 'approve', number } : { decision: 'deny' };
    return (await this.call<{ state: 'approved' | 'denied' }>('POST', `/devices/${this.id()}/push-requests/${pushId}`, body)).state;
  }
}
