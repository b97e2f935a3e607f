import type { PushRequestView } from '@shared/contract';
import { identityRoutes, pathFor } from '@shared/identity-api';
import { clockOffset } from '@shared/clock';
import { AppError } from '@shared/result';
import type { CredentialStore } from './credential-store';
import { DeviceEventStream, type DeviceEvent } from './device-event-stream';
import type { IdentityHttp } from './identity-http';
import { PushDeviceRecords, type DeviceRecord } from './push-device-records';
import { PushRequestList, type PushResolution } from './push-request-list';

export type { PushResolution } from './push-request-list';

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

/**
 * This app's authenticator as a Connect push device. Requests arrive over the server's event
 * stream (GET /devices/:deviceId/events) as they are made, with no polling; while a stream is
 * down it reconnects with backoff and the pending list is polled instead, so a request is never
 * missed. The device credential stays in main (PushDeviceRecords); the renderer gets views and
 * events; the requests themselves, their expiry and the server's clock are PushRequestList's.
 */
export class PushDeviceClient {
  private readonly streams = new Map<string, DeviceEventStream>();
  private readonly records: PushDeviceRecords;
  private readonly requests: PushRequestList;
  /** Being answered here now: the server's "resolved" event may come before its HTTP answer does. */
  private readonly answering = new Set<string>();
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  /** Resyncs under way after a (re)connect. */
  private syncing = 0;
  private readonly now: () => number;

  constructor(private readonly o: PushDeviceOptions) {
    this.now = o.now ?? Date.now;
    this.records = new PushDeviceRecords(o.credentials);
    this.requests = new PushRequestList({
      onRequest: o.onRequest,
      onResolved: o.onResolved,
      recheck: () => void this.refresh(),
      now: this.now,
    });
  }

  async register(enrolmentCode: string, deviceName: string): Promise<{ verificationCode: string; email: string }> {
    const r = await this.o.http.call('deviceRegister', { body: { enrolmentCode, deviceName, platform: process.platform } });
    const replaced = this.records.replaceFor({ deviceId: r.deviceId, credential: r.deviceCredential, email: r.accountEmail });
    for (const d of replaced) this.closeStream(d.deviceId);
    this.start();
    return { verificationCode: r.verificationCode, email: r.accountEmail };
  }

  /** Opens an event stream per enrolled device. Idempotent. */
  start(): void {
    for (const d of this.records.list()) {
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
    this.requests.close();
  }

  /** Whether every device's stream is up and caught up with the server: then `list()` is live and push.listPending asks the server nothing. */
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
    for (const d of this.records.list()) {
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
      this.requests.madeNow(e.data.createdAt);
      this.requests.add(d.deviceId, e.data);
    } else if (e.name === 'push-resolved') {
      this.requests.resolve(e.data.id, e.data.state, !this.answering.has(e.data.id));
    } else if (e.data.state === 'denied') {
      this.closeStream(d.deviceId);
    }
  }

  private async syncClock(): Promise<void> {
    try {
      const sent = this.now();
      const { now } = await this.o.http.call('health');
      this.requests.setOffset(clockOffset(now, sent, this.now()));
    } catch {
      // Keep the last offset; the next live request corrects it.
    }
  }

  /** Asks the server for one device's pending list (PushRequestList.reconcile). */
  private async refreshDevice(d: DeviceRecord): Promise<void> {
    let list;
    try {
      list = (await this.o.http.call('devicePushList', { params: { deviceId: d.deviceId }, token: d.credential })).requests;
    } catch {
      return; // Unreachable or removed: keep what we have; the stream or the next poll tells more.
    }
    this.requests.reconcile(d.deviceId, list);
  }

  async refresh(): Promise<PushRequestView[]> {
    for (const d of this.records.list()) await this.refreshDevice(d);
    return this.list();
  }

  /** The requests waiting now, oldest first. */
  list(): PushRequestView[] {
    return this.requests.list();
  }

  async respond(id: string, approve: boolean, number: string): Promise<void> {
    const req = this.requests.get(id);
    const device = req ? this.records.find(req.deviceId) : undefined;
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
      if (e instanceof AppError && e.code !== 'session.network') this.requests.resolve(id, 'denied', false);
      throw e;
    } finally {
      this.answering.delete(id);
    }
    // Answered here: the window that answered already knows, so no "resolved" event for it.
    this.requests.resolve(id, approve ? 'approved' : 'denied', false);
  }
}
