import type { ChannelName, EventName, EventPayload, Request, Response } from '@shared/contract';
import { parseAppErrorData, type AppErrorData } from '@shared/contract/errors';
import type { Transport } from './transport-types';

/** A failed call, rethrown in the renderer with its stable code; the UI translates `code`. */
export class ApiError extends Error {
  constructor(readonly data: AppErrorData) {
    super(data.code);
    this.name = 'ApiError';
  }
  get code(): AppErrorData['code'] {
    return this.data.code;
  }
}

/** The typed contract client every store uses. Components never call it directly. */
export function createClient(transport: Transport) {
  return {
    async call<C extends ChannelName>(channel: C, ...args: Request<C> extends Record<string, never> ? [] | [Request<C>] : [Request<C>]): Promise<Response<C>> {
      const result = await transport.invoke(channel, args[0] ?? {});
      // Checked against the catalogue: a code it does not declare reaches the UI as `internal`.
      if (!result.ok) throw new ApiError(parseAppErrorData(result.error));
      return result.value as Response<C>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as EventPayload<E>);
      });
    },
  };
}

export type ApiClient = ReturnType<typeof createClient>;
