import type { Transport } from './transport-types';

type Listener = Parameters<Transport['subscribe']>[0];

/**
 * One event stream per window, however many stores and views listen. Over the browser host each
 * `subscribe` is an EventSource, and Chromium allows six HTTP/1.1 connections per host: with a
 * stream per listener (session, push, vault, mailbox, deep links...) the contract's own requests
 * queue behind them and events go missing. In Electron it keeps it to one IPC listener.
 */
export function withSharedEvents(transport: Transport): Transport {
  const listeners = new Set<Listener>();
  let close: (() => void) | null = null;
  return {
    invoke: (channel, payload) => transport.invoke(channel, payload),
    subscribe(listener) {
      listeners.add(listener);
      close ??= transport.subscribe((event, payload) => {
        for (const l of [...listeners]) l(event, payload);
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && close) {
          close();
          close = null;
        }
      };
    },
  };
}
