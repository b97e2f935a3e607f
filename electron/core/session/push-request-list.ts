import type { PushRequestView } from '@shared/contract';
import type { PushRequestView as ServerPushRequest } from '@shared/identity-api';

/** Check with the server this long after a request's deadline, in case no one else made it say "expired". */
const EXPIRY_GRACE_MS = 1000;

export type PushResolution = 'approved' | 'denied' | 'expired';

export interface PushRequestListOptions {
  onRequest: (id: string) => void;
  /** A request left without an answer from here: expired, or answered on another device. */
  onResolved: (id: string, state: PushResolution) => void;
  /** Ask the server again (its list decides what expired). */
  recheck: () => void;
  now: () => number;
}

interface Pending {
  deviceId: string;
  view: PushRequestView;
}

/**
 * The push requests waiting for an answer on this computer, on this process's clock: the server's
 * clock need not be ours (the embedded mock's test control moves its clock), so request times are
 * converted with an offset learnt from the server. A request that was answered, expired or
 * answered elsewhere (`done`) never comes back, whatever a replay or a late list says.
 */
export class PushRequestList {
  private readonly pending = new Map<string, Pending>();
  private readonly done = new Set<string>();
  private expiryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Server clock minus ours, in ms. */
  private offset = 0;

  constructor(private readonly o: PushRequestListOptions) {}

  /** The server's clock, measured (see clockOffset in shared/clock.ts). */
  setOffset(offset: number): void {
    this.offset = offset;
  }

  /** A live request was made just now on the server's clock: a moved server clock shows here first. */
  madeNow(serverCreatedAt: number): void {
    this.offset = Math.max(this.offset, serverCreatedAt - this.o.now());
  }

  get(id: string): Pending | undefined {
    return this.pending.get(id);
  }

  /** The requests waiting now, oldest first. */
  list(): PushRequestView[] {
    return [...this.pending.values()].map((p) => p.view).sort((a, b) => a.createdAt - b.createdAt);
  }

  add(deviceId: string, r: ServerPushRequest): void {
    if (this.done.has(r.id)) return;
    const isNew = !this.pending.has(r.id);
    this.pending.set(r.id, { deviceId, view: this.toView(r) });
    this.scheduleExpiryCheck();
    if (isNew) this.o.onRequest(r.id);
  }

  /** `notify`: false when this window answered it (it already knows). */
  resolve(id: string, state: PushResolution, notify = true): void {
    this.done.add(id);
    if (!this.pending.delete(id)) return;
    if (notify) this.o.onResolved(id, state);
    this.scheduleExpiryCheck();
  }

  /** The server's pending list for one device is authoritative: add what is new, drop what is gone. */
  reconcile(deviceId: string, list: ServerPushRequest[]): void {
    const ids = new Set(list.map((r) => r.id));
    for (const [id, p] of [...this.pending]) {
      // Gone from the server's list without an event: past its time it expired, else it was answered elsewhere.
      if (p.deviceId === deviceId && !ids.has(id)) this.resolve(id, p.view.expiresAt <= this.o.now() ? 'expired' : 'approved');
    }
    for (const r of list) this.add(deviceId, r);
  }

  close(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
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

  /** The server is the judge of expiry: ask it again just after the soonest request's deadline. */
  private scheduleExpiryCheck(): void {
    this.close();
    const soonest = Math.min(...[...this.pending.values()].map((p) => p.view.expiresAt));
    if (!Number.isFinite(soonest)) return;
    this.expiryTimer = setTimeout(() => this.o.recheck(), Math.max(0, soonest - this.o.now()) + EXPIRY_GRACE_MS);
    this.expiryTimer.unref();
  }
}
