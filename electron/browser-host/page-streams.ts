import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { StreamFrame } from '@shared/contract';
import type { EventHub } from '../core/ipc/event-hub';

/** A page's stream id: 16 to 64 characters of base64url (the page makes 22 from 16 random bytes). */
export const STREAM_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** How long a stream a call named waits for the page's GET /api/events before it is dropped. */
const CONNECT_WAIT_MS = 10_000;
/** At most this many streams that a call named and no GET has opened yet; past it a call's answer is the POST's only. */
const MAX_WAITING = 8;
/** What a stream keeps for its page before the GET comes (events and answers); the oldest go first. */
const MAX_QUEUED = 256;

interface PageStream {
  out: ServerResponse | null;
  queue: StreamFrame[];
  detach: () => void;
  expiry: NodeJS.Timeout | null;
}

/**
 * The browser host's ordered streams, one per page, by the id the page chose (issue 16: the page
 * names its stream in its first calls at once, instead of waiting a round trip for an id from the
 * host). A stream starts when the page's GET or one of its calls first names it, whichever comes
 * first: from then on it receives main's events (the first one also gets those main held while no
 * page listened, EventHub), and the answers of the calls that name it, in the order main produced
 * them. Until the GET has come they wait in the stream's queue, then go out in that order.
 */
export class PageStreams {
  private readonly streams = new Map<string, PageStream>();
  private readonly pings = new Set<NodeJS.Timeout>();

  constructor(
    private readonly events: Pick<EventHub, 'attach'>,
    private readonly options: { connectWaitMs?: number; pingMs?: number } = {},
  ) {}

  /**
   * Where a call's answer goes for the page's stream `id` (call this before the call runs, so the
   * events it causes come first). Null: no such stream and none can start (a malformed id, or too
   * many waiting), so the POST's own answer is the page's only one.
   */
  forCall(id: string | undefined): ((frame: StreamFrame) => void) | null {
    if (id === undefined || !STREAM_ID.test(id)) return null;
    const stream = this.streams.get(id) ?? this.start(id);
    return stream ? (frame) => this.write(stream, frame) : null;
  }

  /** Whether a GET may open this stream: no id (the host makes one), or a well-formed one not open yet. */
  accepts(requested: string | undefined): boolean {
    return requested === undefined || (STREAM_ID.test(requested) && !this.streams.get(requested)?.out);
  }

  /**
   * The page's GET (after `accepts`): the stream's id first, then what waited for it, then
   * everything as it comes. No id: the host makes one (a script's stream).
   */
  connect(requested: string | undefined, out: ServerResponse): void {
    const id = requested ?? randomBytes(16).toString('base64url');
    if (!this.accepts(id)) throw new Error('PageStreams.connect: a stream the host does not accept');
    const stream = this.streams.get(id) ?? this.start(id, true)!;
    if (stream.expiry) clearTimeout(stream.expiry);
    stream.expiry = null;
    out.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    out.write(': connected\n\n');
    stream.out = out;
    this.send(out, { stream: id });
    for (const frame of stream.queue) this.send(out, frame);
    stream.queue = [];
    const ping = setInterval(() => out.write(': ping\n\n'), this.options.pingMs ?? 15_000);
    this.pings.add(ping);
    out.on('close', () => {
      clearInterval(ping);
      this.pings.delete(ping);
      this.drop(id, stream);
    });
  }

  /** Ends every open stream (the host stops). */
  close(): void {
    for (const ping of this.pings) clearInterval(ping);
    for (const [id, stream] of this.streams) {
      stream.out?.end();
      this.drop(id, stream);
    }
  }

  /** How many streams there are, open or waiting for their GET (tests). */
  get size(): number {
    return this.streams.size;
  }

  private start(id: string, connecting = false): PageStream | null {
    if (!connecting && [...this.streams.values()].filter((s) => !s.out).length >= MAX_WAITING) return null;
    const stream: PageStream = { out: null, queue: [], detach: () => undefined, expiry: null };
    this.streams.set(id, stream);
    if (!connecting) {
      stream.expiry = setTimeout(() => this.drop(id, stream), this.options.connectWaitMs ?? CONNECT_WAIT_MS);
      stream.expiry.unref();
    }
    stream.detach = this.events.attach((event, payload) => this.write(stream, { event, payload } as StreamFrame));
    return stream;
  }

  private write(stream: PageStream, frame: StreamFrame): void {
    if (stream.out) {
      this.send(stream.out, frame);
      return;
    }
    stream.queue.push(frame);
    if (stream.queue.length > MAX_QUEUED) stream.queue.shift();
  }

  private send(out: ServerResponse, frame: StreamFrame): void {
    if (!out.writableEnded) out.write(`data: ${JSON.stringify(frame)}\n\n`);
  }

  private drop(id: string, stream: PageStream): void {
    if (stream.expiry) clearTimeout(stream.expiry);
    stream.detach();
    // A stale close (an earlier connection under the same id) leaves the current stream alone.
    if (this.streams.get(id) === stream) this.streams.delete(id);
  }
}
