import type { EventName, EventPayload } from '@shared/contract';
import type { Result } from '@shared/result';

/**
 * How the renderer reaches main. Electron: the preload bridge. Browser host: HTTP + SSE.
 * Kept apart from transport.ts (which touches window, fetch and EventSource) so the client and
 * the stores type-check without the DOM, as the unit tests use them with a fake transport.
 */
export interface Transport {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: EventPayload<EventName>) => void): () => void;
}

/** What the sandboxed preload exposes on `window.flex` (see electron/preload/index.ts). */
export interface PreloadBridge {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}
