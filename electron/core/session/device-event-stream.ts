import type { z } from 'zod';
import { DeviceEventSchemas, type DeviceEventName } from '@shared/identity-api';
import { createParser } from 'eventsource-parser';

export type DeviceEvent = { [N in DeviceEventName]: { name: N; data: z.infer<(typeof DeviceEventSchemas)[N]> } }[DeviceEventName];

export interface DeviceEventStreamOptions {
  /** The stream's address (GET /devices/:deviceId/events), read per attempt so a server change applies. */
  url: () => URL | null;
  credential: string;
  onEvent: (event: DeviceEvent) => void;
  /** The stream is up (its `ready` event arrived) or down (closed, failed, silent too long). */
  onState: (connected: boolean) => void;
  /** The server refused the device credential: retrying cannot help. */
  onRefused: () => void;
  fetchImpl?: typeof fetch | undefined;
  /** First retry delay; it doubles per failure up to `maxBackoffMs` and resets once connected. */
  backoffMs?: number | undefined;
  maxBackoffMs?: number | undefined;
  /** The server sends a heartbeat comment every 15 s; silence longer than this means a dead connection. */
  idleTimeoutMs?: number | undefined;
}

/**
 * One push device's event stream from the identity server, kept open: reconnects with
 * exponential backoff after any failure (a server restart, a network change, a laptop waking
 * up), and treats a stream that goes silent past the heartbeat interval as dead.
 */
export class DeviceEventStream {
  private abort: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  /** The server's `retry:` (ms): the first delay before reconnecting, in place of `backoffMs`. */
  private serverRetryMs: number | null = null;
  /** The last `id:` the server sent, sent back as `Last-Event-ID` when reconnecting. */
  private lastEventId: string | null = null;
  private running = false;
  private up = false;

  constructor(private readonly o: DeviceEventStreamOptions) {}

  get connected(): boolean {
    return this.up;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.clearIdle();
    this.abort?.abort();
    this.abort = null;
    this.setUp(false);
  }

  private setUp(up: boolean): void {
    if (this.up === up) return;
    this.up = up;
    this.o.onState(up);
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private touch(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => this.abort?.abort(), this.o.idleTimeoutMs ?? 45_000);
    this.idleTimer.unref();
  }

  private async connect(): Promise<void> {
    const url = this.o.url();
    if (!this.running) return;
    if (!url) {
      this.retry();
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    try {
      const res = await (this.o.fetchImpl ?? fetch)(url, {
        headers: {
          Accept: 'text/event-stream',
          Authorization: `Bearer ${this.o.credential}`,
          ...(this.lastEventId ? { 'Last-Event-ID': this.lastEventId } : {}),
        },
        signal: abort.signal,
        redirect: 'error',
      });
      if (res.status === 401 || res.status === 403) {
        this.running = false;
        this.o.onRefused();
        return;
      }
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      await this.read(res.body);
    } catch {
      // Refused, reset or aborted as idle: all handled the same way, by trying again.
    } finally {
      this.clearIdle();
      if (this.abort === abort) this.abort = null;
      this.setUp(false);
    }
    if (this.running) this.retry();
  }

  /** The text/event-stream format is parsed by eventsource-parser (a chunk may end anywhere, even between `\r` and `\n`). */
  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const parser = createParser({
      onEvent: (e) => this.dispatch(e.event ?? 'message', e.data),
      onId: (id) => (this.lastEventId = id || null),
      onRetry: (ms) => (this.serverRetryMs = ms),
    });
    const decoder = new TextDecoder();
    this.touch();
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      this.touch();
      parser.feed(decoder.decode(value, { stream: true }));
    }
  }

  private dispatch(name: string, raw: string): void {
    if (!(name in DeviceEventSchemas)) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return;
    }
    const parsed = DeviceEventSchemas[name as DeviceEventName].safeParse(json);
    if (!parsed.success) return;
    if (name === 'ready') {
      this.failures = 0;
      this.setUp(true);
    }
    this.o.onEvent({ name, data: parsed.data } as DeviceEvent);
  }

  private retry(): void {
    if (!this.running || this.retryTimer) return;
    const base = this.serverRetryMs ?? this.o.backoffMs ?? 1000;
    const delay = Math.min(this.o.maxBackoffMs ?? 30_000, base * 2 ** this.failures);
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }
}
