import type { EventName, EventPayload } from '@shared/contract';
import type { Result } from '@shared/result';
import type { PreloadBridge, Transport } from './transport-types';

export type { PreloadBridge, Transport } from './transport-types';

declare global {
  interface Window {
    flex?: PreloadBridge;
  }
}

/**
 * The browser host: same-origin calls, authorised by the HttpOnly cookie its launch address set
 * (the page never holds the host's token, so nothing in the address or in storage can leak it or
 * be confused with a link's token). Every answer is a typed result, failures included.
 */
export function httpTransport(): Transport {
  return {
    async invoke(channel, payload) {
      try {
        const res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(payload ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch {
        // The host stopped, or answered something that is not JSON.
        return { ok: false, error: { code: 'host.unauthorized' } };
      }
    },
    subscribe(listener) {
      const source = new EventSource('/api/events');
      const onMessage = (e: MessageEvent<string>) => {
        const { event, payload } = JSON.parse(e.data) as { event: EventName; payload: EventPayload<EventName> };
        listener(event, payload);
      };
      source.addEventListener('message', onMessage);
      return () => source.close();
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
