import { createClient, type ApiClient } from './client';
import { detectTransport } from './transport';

let client: ApiClient | null = null;

/** Lets the app shell hand its own client over (one transport, one event stream per window). */
export function provideApi(c: ApiClient): void {
  client = c;
}

/** The typed contract client for stores; created on first use if the shell did not provide one. */
export function useApi(): ApiClient {
  client ??= createClient(detectTransport());
  return client;
}
