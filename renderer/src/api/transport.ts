import type { EventName, EventPayload, StreamFrame } from '@shared/contract';
import type { Result } from '@shared/result';
import type { PreloadBridge, Transport } from './transport-types';

export type { PreloadBridge, Transport } from './transport-types';

declare global {
  interface Window {
    flex?: PreloadBridge;
  }
}

/** How long a call waits for its answer on the stream once the POST answered (the stream normally has it first). */
const STREAM_ANSWER_GRACE_MS = 2000;

/** How long a call waits for the stream to open before it goes without it. */
const STREAM_OPEN_WAIT_MS = 3000;

type Listener = Parameters<Transport['subscribe']>[0];

/**
 * The browser host: same-origin calls, authorised by the HttpOnly cookie its launch address set
 * (the page never holds the host's token, so nothing in the address or in storage can leak it or
 * be confused with a link's token). Every answer is a typed result, failures included.
 *
 * One ordered stream (GET /api/events) carries the events and the answers: a call names the
 * stream, the host writes its answer there after every event the call caused, and the call takes
 * that copy, so an answer and an event never overtake each other. The POST's own answer is the
 * fallback for a call made while the stream is down (or before it said its id).
 */
export function httpTransport(): Transport {
  const listeners = new Set<Listener>();
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  let streamId: string | null = null;
  let calls = 0;
  let source: EventSource | null = null;
  /** Settles once the stream said its id (or could not: then calls take the POST's answer). */
  let ready: Promise<void> = Promise.resolve();
  let isReady: () => void = () => {};

  function expectStream(): void {
    ready = new Promise<void>((resolve) => {
      isReady = resolve;
      setTimeout(resolve, STREAM_OPEN_WAIT_MS);
    });
  }

  function open(): void {
    if (source) return;
    expectStream();
    source = new EventSource('/api/events');
    source.addEventListener('message', (e: MessageEvent<string>) => {
      const frame = JSON.parse(e.data) as StreamFrame;
      if ('stream' in frame) {
        streamId = frame.stream;
        isReady();
      } else if ('answer' in frame) waiting.get(frame.answer)?.(frame.result);
      else for (const l of [...listeners]) l(frame.event, frame.payload);
    });
    // EventSource reconnects by itself and the new stream says its new id; a refused one (the
    // host stopped or the access is gone) is closed for good, and the calls go without it.
    source.addEventListener('error', () => {
      streamId = null;
      isReady();
      if (source?.readyState !== EventSource.CLOSED) expectStream();
    });
  }

  return {
    async invoke(channel, payload) {
      open();
      // The first calls wait for the stream, so the events main held for this page come before their answers.
      await ready;
      const call = ++calls;
      const stream = streamId;
      const onStream = stream === null ? null : new Promise<Result<unknown>>((resolve) => waiting.set(call, resolve));
      const query = stream === null ? '' : `?stream=${encodeURIComponent(stream)}&call=${call}`;
      try {
        const res = await fetch(`/api/invoke/${encodeURIComponent(channel)}${query}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(payload ?? {}),
        });
        const posted = (await res.json()) as Result<unknown>;
        if (!onStream) return posted;
        return await Promise.race([
          onStream,
          new Promise<Result<unknown>>((resolve) => setTimeout(() => resolve(posted), STREAM_ANSWER_GRACE_MS)),
        ]);
      } catch {
        // The host stopped, or answered something that is not JSON.
        return { ok: false, error: { code: 'host.unauthorized' } };
      } finally {
        waiting.delete(call);
      }
    },
    subscribe(listener) {
      open();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function preloadTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (channel, payload) => bridge.invoke(channel, payload),
    subscribe: (listener) => bridge.onEvent((event, payload) => listener(event as EventName, payload as EventPayload<EventName>)),
  };
}

export function detectTransport(): Transport {
  return window.flex ? preloadTransport(window.flex) : httpTransport();
}
