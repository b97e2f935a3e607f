import { afterEach, describe, expect, it } from 'vitest';
import { DeviceEventStream, type DeviceEvent } from '../../../electron/core/session/device-event-stream';

/** A response whose body is the given chunks, sent one by one, then left open (as a live stream is). */
function streamOf(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

const until = async (check: () => boolean, what: string): Promise<void> => {
  const end = Date.now() + 2000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('DeviceEventStream parsing', () => {
  let stream: DeviceEventStream | null = null;
  afterEach(() => stream?.stop());

  function open(responses: Array<() => Response>, headers: Array<Headers> = []) {
    const events: DeviceEvent[] = [];
    let n = 0;
    stream = new DeviceEventStream({
      url: () => new URL('http://127.0.0.1:9/devices/d1/events'),
      credential: 'c',
      onEvent: (e) => events.push(e),
      onState: () => {},
      onRefused: () => {},
      backoffMs: 60_000,
      // eslint-disable-next-line @typescript-eslint/require-await -- a fake fetch: its throw must be a rejection, as fetch's is.
      fetchImpl: async (_url, init) => {
        headers.push(new Headers(init?.headers));
        const next = responses[Math.min(n++, responses.length - 1)];
        if (!next) throw new TypeError('fetch failed');
        return next();
      },
    });
    stream.start();
    return events;
  }

  it('keeps an event whole when a chunk ends between \\r and \\n, and joins data lines', async () => {
    const events = open([
      () =>
        streamOf([
          ': heartbeat\r\n\r\nevent: rea',
          'dy\r',
          '\ndata: {"deviceId":\r',
          '\ndata: "d1"}\r\n\r\n',
          'event: push-resolved\ndata: {"id":"p1","state":"expired"}\n\n',
        ]),
    ]);
    await until(() => events.length === 2, 'two events');
    expect(events).toEqual([
      { name: 'ready', data: { deviceId: 'd1' } },
      { name: 'push-resolved', data: { id: 'p1', state: 'expired' } },
    ]);
  });

  it("sends the last id: back as Last-Event-ID and waits the server's retry: before reconnecting", async () => {
    const headers: Headers[] = [];
    const started = Date.now();
    const events = open(
      [
        () => new Response('retry: 20\nid: 41\nevent: ready\ndata: {"deviceId":"d1"}\n\n', { status: 200 }),
        () => streamOf(['event: ready\ndata: {"deviceId":"d1"}\n\n']),
      ],
      headers,
    );
    // backoffMs is a minute: only the server's retry (20 ms) brings the second connection this soon.
    await until(() => events.length === 2, 'the reconnected stream');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(headers[0]?.get('Last-Event-ID')).toBeNull();
    expect(headers[1]?.get('Last-Event-ID')).toBe('41');
  });
});
