import type { Transport } from './transport-types';

type Listener = Parameters<Transport['subscribe']>[0];

/**
 * One underlying subscription per window, however many stores and views listen (session, push,
 * vault, mailbox, deep links...): in Electron one IPC listener, so the preload tells main once
 * that this page listens; the browser host's transport has its one ordered stream already.
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
