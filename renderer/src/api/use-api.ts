import type { ApiClient } from './client';

let client: ApiClient | null = null;

/**
 * The composition root (main.ts) hands over its one client (one transport, one event stream per
 * window); unit tests hand over a client on a fake transport.
 */
export function provideApi(c: ApiClient): void {
  client = c;
}

/** The typed contract client for stores. */
export function useApi(): ApiClient {
  if (!client) throw new Error('No API client: main.ts (or the test) must call provideApi() before any store is used.');
  return client;
}
