import { z } from 'zod';
import type { PushRequestView } from '@shared/contract';
import { AppError } from '@shared/result';
import type { CredentialStore } from './credential-store';
import type { IdentityHttp } from './identity-http';

const DeviceRecordSchema = z.object({ deviceId: z.string(), credential: z.string(), email: z.string() });
type DeviceRecord = z.infer<typeof DeviceRecordSchema>;
const DEVICES_KEY = 'push-devices';

/**
 * This app's authenticator as a Connect push device: registers with an enrolment code, keeps
 * the device credential in main, polls its pending sign-in requests and answers them with the
 * number the user picked. (The full authenticator-side prompt and OS notification are issue 6.)
 */
export class PushDeviceClient {
  private timer: ReturnType<typeof setInterval> | null = null;
  private seen = new Set<string>();
  private pending: PushRequestView[] = [];

  constructor(
    private readonly http: IdentityHttp,
    private readonly credentials: CredentialStore,
    private readonly onRequest: (id: string) => void,
    private readonly pollMs = 1000,
  ) {}

  private devices(): DeviceRecord[] {
    const raw = this.credentials.get(DEVICES_KEY);
    if (!raw) return [];
    try {
      const parsed = z.array(DeviceRecordSchema).safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  async register(enrolmentCode: string, deviceName: string): Promise<{ verificationCode: string; email: string }> {
    const r = await this.http.call('deviceRegister', { body: { enrolmentCode, deviceName, platform: process.platform } });
    const others = this.devices().filter((d) => d.email !== r.accountEmail);
    this.credentials.set(DEVICES_KEY, JSON.stringify([...others, { deviceId: r.deviceId, credential: r.deviceCredential, email: r.accountEmail }]));
    this.start();
    return { verificationCode: r.verificationCode, email: r.accountEmail };
  }

  /** Starts polling when a device exists. Idempotent. */
  start(): void {
    if (this.timer || this.devices().length === 0) return;
    this.timer = setInterval(() => void this.refresh(), this.pollMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async refresh(): Promise<PushRequestView[]> {
    const all: PushRequestView[] = [];
    for (const d of this.devices()) {
      try {
        const list = await this.http.call('devicePushList', { params: { deviceId: d.deviceId }, token: d.credential });
        for (const r of list.requests) all.push({ id: r.id, email: r.email, app: r.app, choices: r.choices, expiresAt: r.expiresAt });
      } catch {
        // A removed device or an unreachable server: no requests from it this round.
      }
    }
    this.pending = all;
    for (const r of all) {
      if (!this.seen.has(r.id)) {
        this.seen.add(r.id);
        this.onRequest(r.id);
      }
    }
    return all;
  }

  async list(): Promise<PushRequestView[]> {
    return this.refresh();
  }

  async respond(id: string, approve: boolean, number: string): Promise<void> {
    const req = this.pending.find((r) => r.id === id) ?? (await this.refresh()).find((r) => r.id === id);
    const device = req ? this.devices().find((d) => d.email === req.email) : undefined;
    if (!req || !device) throw new AppError('session.push-expired');
    await this.http.call('devicePushAnswer', {
      params: { deviceId: device.deviceId, pushId: id },
      token: device.credential,
      body: approve ? { decision: 'approve', number } : { decision: 'deny' },
    });
    this.pending = this.pending.filter((r) => r.id !== id);
  }
}
