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

  it('waits for the stream, names it in the call and takes the answer the stream carries after its events', async () => {
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
    // No call leaves before the stream said its id: main's held events come first.
    expect(urls).toEqual([]);
    const source = FakeEventSource.last!;
    source.frame({ event: 'vault.changed', payload: {} });
    source.frame({ stream: 's1' });
    await vi.waitFor(() => expect(urls).toEqual(['/api/invoke/vault.addAccount?stream=s1&call=1']));
    source.frame({ event: 'vault.changed', payload: {} });
    source.frame({ answer: 1, result: { ok: true, value: 'from the stream' } });
    answerPost();
    expect(await answered).toEqual({ ok: true, value: 'from the stream' });
    expect(order).toEqual(['vault.changed', 'vault.changed', 'answer']);
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
