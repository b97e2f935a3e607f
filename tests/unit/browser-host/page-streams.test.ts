import { PassThrough } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../../electron/core/ipc/event-hub';
import { PageStreams } from '../../../electron/browser-host/page-streams';

/** A stand-in response: what the stream writes, and a close like a page going away. */
function fakeOut() {
  const body = new PassThrough();
  let text = '';
  body.on('data', (d: Buffer) => (text += d.toString()));
  const out = Object.assign(body, { writeHead: () => out }) as unknown as ServerResponse & PassThrough;
  return {
    out,
    frames: () =>
      text
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => JSON.parse(l.slice(6)) as unknown),
  };
}

const ID = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('PageStreams: the pages’ ordered streams, by the id the page chose (issue 16)', () => {
  afterEach(() => vi.useRealTimers());

  it('a stream a call started gets the events main held, the events since and the answer, in order, once the GET comes', async () => {
    const hub = new EventHub();
    hub.emit('vault.changed', {});
    const streams = new PageStreams(hub);
    const toStream = streams.forCall(ID)!;
    hub.emit('mailbox.changed', {});
    toStream({ answer: 1, result: { ok: true, value: 'x' } });
    hub.emit('vault.changed', {});
    const { out, frames } = fakeOut();
    expect(streams.accepts(ID)).toBe(true);
    streams.connect(ID, out);
    hub.emit('mailbox.changed', {});
    await new Promise((r) => setImmediate(r));
    expect(frames()).toEqual([
      { stream: ID },
      { event: 'vault.changed', payload: {} },
      { event: 'mailbox.changed', payload: {} },
      { answer: 1, result: { ok: true, value: 'x' } },
      { event: 'vault.changed', payload: {} },
      { event: 'mailbox.changed', payload: {} },
    ]);
    expect(streams.accepts(ID)).toBe(false);
    streams.close();
  });

  it('drops a stream whose GET never comes, and main holds its events for the next page again', async () => {
    vi.useFakeTimers();
    const hub = new EventHub();
    const streams = new PageStreams(hub, { connectWaitMs: 1000 });
    streams.forCall(ID);
    expect(streams.size).toBe(1);
    vi.advanceTimersByTime(1001);
    expect(streams.size).toBe(0);
    hub.emit('vault.changed', {});
    const seen: string[] = [];
    hub.attach((event) => seen.push(event));
    expect(seen).toEqual(['vault.changed']);
    vi.useRealTimers();
    await Promise.resolve();
  });

  it('starts at most a few streams no GET has opened; past that, and for a malformed id, a call has its POST answer only', () => {
    const streams = new PageStreams(new EventHub());
    expect(streams.forCall(undefined)).toBeNull();
    expect(streams.forCall('short')).toBeNull();
    expect(streams.forCall('x'.repeat(22) + '/')).toBeNull();
    const made = Array.from({ length: 12 }, (_, i) => streams.forCall(`stream-number-${String(i).padStart(4, '0')}`));
    expect(made.filter((w) => w !== null)).toHaveLength(8);
    streams.close();
    expect(streams.size).toBe(0);
  });

  it('a page that went away frees its id; a reconnect under it is a new stream', async () => {
    const hub = new EventHub();
    const streams = new PageStreams(hub);
    const first = fakeOut();
    streams.connect(ID, first.out);
    first.out.emit('close');
    expect(streams.size).toBe(0);
    const second = fakeOut();
    streams.connect(ID, second.out);
    hub.emit('vault.changed', {});
    await new Promise((r) => setImmediate(r));
    expect(second.frames()).toEqual([{ stream: ID }, { event: 'vault.changed', payload: {} }]);
    expect(first.frames()).toEqual([{ stream: ID }]);
    streams.close();
  });
});
