import { channels, isChannelName, type ChannelName, type ParsedRequest, type Response } from '@shared/contract';
import { isClientError, type Result } from '@shared/result';

export type Handlers = {
  [C in ChannelName]: (request: ParsedRequest<C>) => Promise<Response<C>> | Response<C>;
};

export interface DispatchLog {
  error(message: string, err?: unknown): void;
  /** Each call and its (redacted) request at debug, each refusal at info: electron/core/log. */
  debug?(...args: unknown[]): void;
  info?(...args: unknown[]): void;
}

/**
 * The one entry point both transports (Electron ipcMain and the browser host's HTTP API) use.
 * Unknown channels and payloads that fail the contract's schema are answered with a typed error
 * before any handler runs; responses are parsed on the way out, which strips any field the
 * contract does not declare. Nothing a renderer sends can crash main.
 */
export function createDispatcher(handlers: Handlers, log: DispatchLog = console) {
  return async function dispatch(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isChannelName(channel)) return { ok: false, error: { code: 'ipc.unknown-channel' } };
    const spec = channels[channel];
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: { code: 'field.invalid', params: { field: issue?.path.join('.') ?? '', reason: issue?.code ?? 'invalid' } },
      };
    }
    log.debug?.(`IPC ${channel}`, parsed.data);
    try {
      const handler = handlers[channel] as (r: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: spec.response.parse(value) };
    } catch (e) {
      // Only the catalogue's client codes cross; a server code that leaked is a bug, shown as one.
      if (isClientError(e)) {
        log.info?.(`IPC ${channel} refused: ${e.code}`);
        return { ok: false, error: e.toData() };
      }
      log.error(`IPC handler for ${channel} failed`, e);
      return { ok: false, error: { code: 'internal' } };
    }
  };
}
