import type { ChannelName, EventName, EventPayload, Request, Response } from '@shared/contract';
import type { Result } from '@shared/result';
import { loadErrorCheck } from './error-check';
import type { Transport } from './transport-types';

/**
 * The typed contract client every store uses. Components never call it directly. A call answers
 * with the contract's Result and never throws: the error is checked against the catalogue (an
 * undeclared code reaches the UI as `internal`), a transport that fails outright is `internal`.
 * The catalogue (and zod with it) is imported on the first error only, not on the start path.
 */
export function createClient(transport: Transport) {
  /** Answers started early (`primeParts`), each handed to the first `call` of its channel without a request. */
  const primed = new Map<ChannelName, Promise<Result<unknown>>>();
  const invoke = async (channel: ChannelName, payload: unknown): Promise<Result<unknown>> => {
    try {
      return await transport.invoke(channel, payload);
    } catch {
      return { ok: false, error: { code: 'internal' } };
    }
  };
  return {
    /**
     * Starts one call now, while the start path still loads code, whose answer stands for several
     * (`app.getStartState`: the session, app info and settings), and hands each part to the first
     * call of the channel it answers that has no request of its own: the sign-in form's
     * `session.getState` does not wait a round trip, and the first view's three reads cost one request
     * (issue 16). Later calls of those channels go to main as usual.
     */
    primeParts<C extends ChannelName>(channel: C, parts: { [P in ChannelName]?: (whole: Response<C>) => Response<P> }): void {
      const whole = invoke(channel, {});
      for (const [part, pick] of Object.entries(parts) as [ChannelName, (whole: Response<C>) => unknown][]) {
        if (!primed.has(part))
          primed.set(
            part,
            whole.then((r) => (r.ok ? { ok: true, value: pick(r.value as Response<C>) } : r)),
          );
      }
    },
    async call<C extends ChannelName>(
      channel: C,
      ...args: Request<C> extends Record<string, never> ? [] | [Request<C>] : [Request<C>]
    ): Promise<Result<Response<C>>> {
      const early = args[0] === undefined ? primed.get(channel) : undefined;
      if (early) primed.delete(channel);
      const result = await (early ?? invoke(channel, args[0] ?? {}));
      if (result.ok) return { ok: true, value: result.value as Response<C> };
      // The catalogue's check needs zod: loaded with the first error, so the start path has none.
      const parse = await loadErrorCheck();
      return { ok: false, error: parse(result.error) };
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as EventPayload<E>);
      });
    },
  };
}

export type ApiClient = ReturnType<typeof createClient>;
