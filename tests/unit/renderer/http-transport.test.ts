// @vitest-environment happy-dom
/// <reference lib="dom" />
import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpTransport } from '../../../renderer/src/api/transport';

/** A stand-in EventSource the test feeds frames into, as the browser host's stream would. */
class FakeEventSource extends EventTarget {
  static CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = 1;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
  frame(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(data) }));
  }
  close(): void {
    this.readyState = 2;
  }
}

describe('httpTransport: one ordered stream for events and answers', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names its own stream in its first call at once, and takes the answer the stream carries after its events', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const urls: string[] = [];
    let answerPost!: () => void;
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      await new Promise<void>((resolve) => (answerPost = resolve));
      return new Response(JSON.stringify({ ok: true, value: 'from the POST' }));
    });
    const transport = httpTransport();
    const order: string[] = [];
    transport.subscribe((event) => order.push(event));
    const answered = transport.invoke('vault.addAccount', {}).then((r) => {
      order.push('answer');
      return r;
    });
    await Promise.resolve();
    // Issue 16: the call leaves with the GET, not a round trip after it (was: it waited for the host to say an id).
    const source = FakeEventSource.last!;
    const id = /\/api\/events\?stream=([A-Za-z0-9_-]{22})$/.exec(source.url)?.[1];
    expect(id).toBeDefined();
    expect(urls).toEqual([`/api/invoke/vault.addAccount?stream=${id}&call=1`]);
    // The host keeps the stream's events and the answer in main's order until the GET is there.
    source.frame({ stream: id });
    source.frame({ event: 'vault.changed', payload: {} });
    source.frame({ answer: 1, result: { ok: true, value: 'from the stream' } });
    answerPost();
    expect(await answered).toEqual({ ok: true, value: 'from the stream' });
    expect(order).toEqual(['vault.changed', 'answer']);
  });

  it("answers with the stream's copy at once, so an event the stream carries after the answer is handled after it (was: the call waited for its POST)", async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    let answerPost!: () => void;
    vi.stubGlobal('fetch', async () => {
      await new Promise<void>((resolve) => (answerPost = resolve));
      return new Response(JSON.stringify({ ok: true, value: 'S1' }));
    });
    const transport = httpTransport();
    const applied: unknown[] = [];
    transport.subscribe((_event, payload) => applied.push(payload));
    const answered = transport.invoke('session.getState', {}).then((r) => applied.push(r.ok ? r.value : null));
    await vi.waitFor(() => expect(answerPost).toBeDefined());
    const source = FakeEventSource.last!;
    source.frame({ answer: 1, result: { ok: true, value: 'S1' } });
    await new Promise((r) => setTimeout(r, 0));
    source.frame({ event: 'session.changed', payload: 'S2' });
    // The newer state is the last one applied, with the POST still on its way.
    expect(applied).toEqual(['S1', 'S2']);
    answerPost();
    await answered;
    expect(applied).toEqual(['S1', 'S2']);
  });

  it('gives each page a stream id of its own', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      httpTransport().subscribe(() => undefined);
      ids.add(FakeEventSource.last!.url);
    }
    expect(ids.size).toBe(20);
  });

  it('a call waiting for its copy on the stream takes the POST answer as soon as the stream is refused (not after the grace)', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ ok: true, value: 'from the POST' }))));
    const transport = httpTransport();
    const answered = transport.invoke('vault.listAccounts', {});
    await new Promise((r) => setTimeout(r, 10));
    const source = FakeEventSource.last!;
    source.close();
    const t0 = Date.now();
    source.dispatchEvent(new Event('error'));
    expect(await answered).toEqual({ ok: true, value: 'from the POST' });
    expect(Date.now() - t0).toBeLessThan(500);
    // From then on the calls go without the stream.
    const urls: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      urls.push(url);
      return Promise.resolve(new Response(JSON.stringify({ ok: true, value: 1 })));
    });
    await transport.invoke('vault.listAccounts', {});
    expect(urls).toEqual(['/api/invoke/vault.listAccounts']);
  });

  it('a stream that is only reconnecting keeps its calls on it (EventSource retries under the same id)', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const urls: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      urls.push(url);
      return Promise.resolve(new Response(JSON.stringify({ ok: true, value: 'from the POST' })));
    });
    const transport = httpTransport();
    transport.subscribe(() => undefined);
    const source = FakeEventSource.last!;
    source.readyState = 0;
    source.dispatchEvent(new Event('error'));
    const answered = transport.invoke('vault.listAccounts', {});
    await vi.waitFor(() => expect(urls).toHaveLength(1));
    expect(urls[0]).toMatch(/\?stream=[A-Za-z0-9_-]{22}&call=1$/);
    source.frame({ answer: 1, result: { ok: true, value: 'from the stream' } });
    expect(await answered).toEqual({ ok: true, value: 'from the stream' });
  });

  it("takes the POST's answer when the stream is closed for good", async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ ok: true, value: 'from the POST' }))));
    const transport = httpTransport();
    const answered = transport.invoke('vault.listAccounts', {});
    const source = FakeEventSource.last!;
    source.close();
    source.dispatchEvent(new Event('error'));
    expect(await answered).toEqual({ ok: true, value: 'from the POST' });
  });
});
