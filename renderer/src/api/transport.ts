import type { EventName, EventPayload } from '@shared/contract';
import type { Result } from '@shared/result';
import type { PreloadBridge, Transport } from './transport-types';

export type { PreloadBridge, Transport } from './transport-types';

declare global {
  interface Window {
    flex?: PreloadBridge;
  }
}

const TOKEN_KEY = 'flex.host-token';

/** The browser host hands its per-run token in the URL fragment once; keep it for this tab only. */
export function takeHostToken(): string | null {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.hash.replace(/[?&]token=[A-Za-z0-9_-]+/, ''));
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function httpTransport(token: string): Transport {
  return {
    async invoke(channel, payload) {
      const res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(payload ?? {}),
      });
      if (res.status === 401) return { ok: false, error: { code: 'host.unauthorized' } };
      return (await res.json()) as Result<unknown>;
    },
    subscribe(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
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
  if (window.flex) return preloadTransport(window.flex);
  const token = takeHostToken();
  if (!token) throw new Error('No preload bridge and no browser-host token: open the address the host printed.');
  return httpTransport(token);
}
