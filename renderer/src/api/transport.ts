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

type Listener = Parameters<Transport['subscribe']>[0];

const delay = (ms: number): Promise<null> => new Promise((resolve) => setTimeout(() => resolve(null), ms));

/** The page's stream id: 16 random bytes, base64url (what the host's STREAM_ID accepts). */
function newStreamId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * The browser host: same-origin calls, authorised by the HttpOnly cookie its launch address set
 * (the page never holds the host's token, so nothing in the address or in storage can leak it or
 * be confused with a link's token). Every answer is a typed result, failures included.
 *
 * One ordered stream (GET /api/events) carries the events and the answers: a call names the
 * stream, the host writes its answer there after every event the call caused, and the call takes
 * that copy, so an answer and an event never overtake each other. The page chooses the stream's
 * id, so its first calls leave at once, alongside the GET, instead of a round trip later (issue
 * 16): the host starts the stream with whichever names it first and keeps what it carries until
 * the GET is there. The POST's own answer is the fallback for a call made while the stream is
 * refused (or slow to bring the answer).
 */
export function httpTransport(): Transport {
  const listeners = new Set<Listener>();
  /** Calls waiting for their answer on the stream; null: take the POST's. */
  const waiting = new Map<number, (result: Result<unknown> | null) => void>();
  const streamId = newStreamId();
  let calls = 0;
  let source: EventSource | null = null;
  /** The host refused the stream for good: calls take the POST's answer. */
  let refused = false;

  function open(): void {
    if (source) return;
    source = new EventSource(`/api/events?stream=${streamId}`);
    source.addEventListener('message', (e: MessageEvent<string>) => {
      const frame = JSON.parse(e.data) as StreamFrame;
      if ('stream' in frame) return;
      if ('answer' in frame) waiting.get(frame.answer)?.(frame.result);
      else for (const l of [...listeners]) l(frame.event, frame.payload);
    });
    // EventSource reconnects by itself, under the same id (the host keeps what comes meanwhile); a
    // refused one (the host stopped or the access is gone) is closed for good, and the calls go without it.
    source.addEventListener('error', () => {
      if (source?.readyState !== EventSource.CLOSED) return;
      refused = true;
      for (const resolve of waiting.values()) resolve(null);
    });
  }

  return {
    async invoke(channel, payload) {
      open();
      const call = ++calls;
      const onStream = refused ? null : new Promise<Result<unknown> | null>((resolve) => waiting.set(call, resolve));
      const query = refused ? '' : `?stream=${streamId}&call=${call}`;
      const posted = fetch(`/api/invoke/${encodeURIComponent(channel)}${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload ?? {}),
      })
        .then(async (res) => (await res.json()) as Result<unknown>)
        // The host stopped, or answered something that is not JSON.
        .catch((): Result<unknown> => ({ ok: false, error: { code: 'host.unauthorized' } }));
      try {
        if (!onStream) return await posted;
        // The stream's copy as soon as it comes, before the stream's next frame is handled: an event
        // main sent after this answer is applied after it (was: the call also waited for its POST,
        // and such an event could be overtaken by the older answer). The POST's answer if the
        // stream is refused, or has not brought the copy a while after the POST answered.
        const fallback = posted.then(async (p) => (await Promise.race([onStream, delay(STREAM_ANSWER_GRACE_MS)])) ?? p);
        return (await Promise.race([onStream, fallback])) ?? (await posted);
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
