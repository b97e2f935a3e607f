import { z } from 'zod';
import type { PushRequestView } from '@shared/contract';
import type { PushRequestView as ServerPushRequest } from '@shared/identity-api';
import { identityRoutes, pathFor } from '@shared/identity-api';
import { AppError } from '@shared/result';
import type { CredentialStore } from './credential-store';
import { DeviceEventStream, type DeviceEvent } from './device-event-stream';
import type { IdentityHttp } from './identity-http';

const DeviceRecordSchema = z.object({ deviceId: z.string(), credential: z.string(), email: z.string() });
type DeviceRecord = z.infer<typeof DeviceRecordSchema>;
const DEVICES_KEY = 'push-devices';
/** Check with the server this long after a request's deadline, in case no one else made it say "expired". */
const EXPIRY_GRACE_MS = 1000;

export type PushResolution = 'approved' | 'denied' | 'expired';

export interface PushDeviceOptions {
  http: IdentityHttp;
  credentials: CredentialStore;
  /** The identity server's base URL, read per connection attempt. */
  baseUrl: () => string | null;
  onRequest: (id: string) => void;
  /** A request left without an answer from here: expired, or answered on another device. */
  onResolved: (id: string, state: PushResolution) => void;
  fetchImpl?: typeof fetch | undefined;
  /** Poll interval while a device's event stream is down (the fallback). */
  pollMs?: number | undefined;
  now?: () => number;
  stream?: { backoffMs?: number; maxBackoffMs?: number; idleTimeoutMs?: number };
}

interface Pending {
  deviceId: string;
  view: PushRequestView;
}

/**
 * This app's authenticator as a Connect push device. Requests arrive over the server's event
 * stream (GET /devices/:deviceId/events) as they are made, with no polling; while a stream is
 * down it reconnects with backoff and the pending list is polled instead, so a request is never
 * missed. The device credential stays in main; the renderer gets views and events.
 *
 * The server's clock need not be ours (the embedded mock's test control moves its clock), so
 * request times are converted to this process's clock with an offset learnt from the server.
 */
export class PushDeviceClient {
  private readonly streams = new Map<string, DeviceEventStream>();
  private readonly pending = new Map<string, Pending>();
  /** Ids already handled (shown, answered here or resolved), so a replay never brings one back. */
  private readonly done = new Set<string>();
  private readonly seen = new Set<string>();
  /** Being answered here now: the server's "resolved" event may come before its HTTP answer does. */
  private readonly answering = new Set<string>();
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private expiryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Server clock minus ours, in ms. */
  private offset = 0;
  /** Resyncs under way after a (re)connect. */
  private syncing = 0;
  private readonly now: () => number;

  constructor(private readonly o: PushDeviceOptions) {
    this.now = o.now ?? Date.now;
  }

  private devices(): DeviceRecord[] {
    const raw = this.o.credentials.get(DEVICES_KEY);
    if (!raw) return [];
    try {
      const parsed = z.array(DeviceRecordSchema).safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  async register(enrolmentCode: string, deviceName: string): Promise<{ verificationCode: string; email: string }> {
    const r = await this.o.http.call('deviceRegister', { body: { enrolmentCode, deviceName, platform: process.platform } });
    const others = this.devices().filter((d) => d.email !== r.accountEmail);
    for (const d of this.devices()) if (d.email === r.accountEmail) this.closeStream(d.deviceId);
    this.o.credentials.set(DEVICES_KEY, JSON.stringify([...others, { deviceId: r.deviceId, credential: r.deviceCredential, email: r.accountEmail }]));
    this.start();
    return { verificationCode: r.verificationCode, email: r.accountEmail };
  }

  /** Opens an event stream per enrolled device. Idempotent. */
  start(): void {
    for (const d of this.devices()) {
      if (this.streams.has(d.deviceId)) continue;
      const stream = new DeviceEventStream({
        url: () => this.eventsUrl(d.deviceId),
        credential: d.credential,
        fetchImpl: this.o.fetchImpl,
        ...this.o.stream,
        onEvent: (e) => void this.onEvent(d, e),
        onState: () => this.updatePolling(),
        onRefused: () => this.closeStream(d.deviceId),
      });
      this.streams.set(d.deviceId, stream);
      stream.start();
    }
    this.updatePolling();
  }

  stop(): void {
    for (const id of [...this.streams.keys()]) this.closeStream(id);
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
  }

  /** Whether every device's stream is up and caught up with the server (for tests and diagnostics). */
  get streaming(): boolean {
    return this.syncing === 0 && this.streams.size > 0 && [...this.streams.values()].every((s) => s.connected);
  }

  private closeStream(deviceId: string): void {
    this.streams.get(deviceId)?.stop();
    this.streams.delete(deviceId);
  }

  private eventsUrl(deviceId: string): URL | null {
    const base = this.o.baseUrl();
    if (!base) return null;
    return new URL(pathFor(identityRoutes.deviceEvents.path, { deviceId }).replace(/^\//, ''), base);
  }

  /** The fallback: poll the devices whose stream is down, only while one is. */
  private updatePolling(): void {
    const down = [...this.streams.values()].some((s) => !s.connected);
    if (down && !this.pollTimer) {
      this.pollTimer = setInterval(() => void this.pollDown(), this.o.pollMs ?? 5000);
      this.pollTimer.unref();
    } else if (!down && this.pollTimer) {
      clearInterval(this.pollTimer);
      this.pollTimer = null;
    }
  }

  private async pollDown(): Promise<void> {
    for (const d of this.devices()) {
      if (!this.streams.get(d.deviceId)?.connected) await this.refreshDevice(d);
    }
  }

  private async onEvent(d: DeviceRecord, e: DeviceEvent): Promise<void> {
    if (e.name === 'ready') {
      // Connected (again): learn the server's clock, and drop what was resolved while away.
      this.syncing++;
      try {
        await this.syncClock();
        await this.refreshDevice(d);
      } finally {
        this.syncing--;
      }
    } else if (e.name === 'push-request') {
      // A live request was made just now on the server's clock; a moved server clock shows here first.
      this.offset = Math.max(this.offset, e.data.createdAt - this.now());
      this.add(d.deviceId, e.data);
    } else if (e.name === 'push-resolved') {
      this.resolve(e.data.id, e.data.state, !this.answering.has(e.data.id));
    } else if (e.data.state === 'denied') {
      this.closeStream(d.deviceId);
    }
  }

  private async syncClock(): Promise<void> {
    try {
      const sent = this.now();
      const { now } = await this.o.http.call('health');
      this.offset = now - Math.round((sent + this.now()) / 2);
    } catch {
      // Keep the last offset; the next live request corrects it.
    }
  }

  private toView(r: ServerPushRequest): PushRequestView {
    return {
      id: r.id,
      email: r.email,
      app: r.app,
      choices: r.choices,
      createdAt: r.createdAt - this.offset,
      expiresAt: r.expiresAt - this.offset,
      location: r.location,
    };
  }

  private add(deviceId: string, r: ServerPushRequest): void {
    if (this.done.has(r.id)) return;
    this.pending.set(r.id, { deviceId, view: this.toView(r) });
    this.scheduleExpiryCheck();
    if (!this.seen.has(r.id)) {
      this.seen.add(r.id);
      this.o.onRequest(r.id);
    }
  }

  private resolve(id: string, state: PushResolution, notify = true): void {
    this.done.add(id);
    if (!this.pending.delete(id)) return;
    if (notify) this.o.onResolved(id, state);
    this.scheduleExpiryCheck();
  }

  /** The server is the judge of expiry: ask it again just after the soonest request's deadline. */
  private scheduleExpiryCheck(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    const soonest = Math.min(...[...this.pending.values()].map((p) => p.view.expiresAt));
    if (!Number.isFinite(soonest)) return;
    this.expiryTimer = setTimeout(() => void this.refresh(), Math.max(0, soonest - this.now()) + EXPIRY_GRACE_MS);
    this.expiryTimer.unref();
  }

  /** The server's pending list for one device is authoritative: add what is new, drop what is gone. */
  private async refreshDevice(d: DeviceRecord): Promise<void> {
    let list: ServerPushRequest[];
    try {
      list = (await this.o.http.call('devicePushList', { params: { deviceId: d.deviceId }, token: d.credential })).requests;
    } catch {
      return; // Unreachable or removed: keep what we have; the stream or the next poll tells more.
    }
    const ids = new Set(list.map((r) => r.id));
    for (const [id, p] of [...this.pending]) {
      // Gone from the server's list without an event: past its time it expired, else it was answered elsewhere.
      if (p.deviceId === d.deviceId && !ids.has(id)) this.resolve(id, p.view.expiresAt <= this.now() ? 'expired' : 'approved');
    }
    for (const r of list) this.add(d.deviceId, r);
  }

  async refresh(): Promise<PushRequestView[]> {
    for (const d of this.devices()) await this.refreshDevice(d);
    return this.list();
  }

  /** The requests waiting now, oldest first. */
  list(): PushRequestView[] {
    return [...this.pending.values()].map((p) => p.view).sort((a, b) => a.createdAt - b.createdAt);
  }

  async respond(id: string, approve: boolean, number: string): Promise<void> {
    const req = this.pending.get(id);
    const device = req ? this.devices().find((d) => d.deviceId === req.deviceId) : undefined;
    if (!req || !device) throw new AppError('session.push-expired');
    this.answering.add(id);
    try {
      await this.o.http.call('devicePushAnswer', {
        params: { deviceId: device.deviceId, pushId: id },
        token: device.credential,
        body: approve ? { decision: 'approve', number } : { decision: 'deny' },
      });
    } catch (e) {
      // Expired, answered elsewhere, or a wrong number (which denies it): it is no longer waiting.
      if (e instanceof AppError && e.code !== 'session.network') this.resolve(id, 'denied', false);
      throw e;
    } finally {
      this.answering.delete(id);
    }
    // Answered here: the window that answered already knows, so no "resolved" event for it.
    this.resolve(id, approve ? 'approved' : 'denied', false);
  }
}
