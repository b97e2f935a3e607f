/// <reference lib="dom" />
import type { ChannelName, EventName, EventPayload } from '@shared/contract';
import { isChannelName } from '@shared/contract/names';
import type { Result } from '@shared/result';
import type { Transport } from '../../../renderer/src/api/transport-types';
import { createClient, type ApiClient } from '../../../renderer/src/api/client';
import { provideApi } from '../../../renderer/src/api/use-api';

type Handler = (payload: unknown) => Result<unknown> | Promise<Result<unknown>>;
/** Answers per channel: keyed by the contract's names, so a renamed or misspelt channel does not compile. */
export type FakeHandlers = Partial<Record<ChannelName, Handler>>;

/** A transport that answers from per-channel handlers and lets the test emit main's events. */
export class FakeTransport implements Transport {
  readonly calls: { channel: string; payload: unknown }[] = [];
  private readonly listeners = new Set<(event: EventName, payload: EventPayload<EventName>) => void>();
  constructor(readonly handlers: FakeHandlers = {}) {}

  async invoke(channel: string, payload: unknown): Promise<Result<unknown>> {
    this.calls.push({ channel, payload });
    const handler = isChannelName(channel) ? this.handlers[channel] : undefined;
    return handler ? handler(payload) : { ok: false, error: { code: 'ipc.unknown-channel' } };
  }

  subscribe(listener: (event: EventName, payload: EventPayload<EventName>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(event, payload);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  callsTo(channel: ChannelName): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.payload);
  }
}

/** Provides a client on this fake transport to the stores, as main.ts does with the real one. */
export function useFakeApi(handlers: FakeHandlers = {}): { transport: FakeTransport; api: ApiClient } {
  const transport = new FakeTransport(handlers);
  const api = createClient(transport);
  provideApi(api);
  return { transport, api };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
