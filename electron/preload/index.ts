// The whole preload: one typed client of the contract, nothing else (no raw ipcRenderer, no
// process.env). It runs sandboxed, so electron-vite bundles it into a single CommonJS file.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_IPC_CHANNEL, IPC_PREFIX, isChannelName, isEventName } from '@shared/contract/names';

contextBridge.exposeInMainWorld('flex', {
  invoke: (channel: string, payload: unknown) =>
    isChannelName(channel)
      ? ipcRenderer.invoke(`${IPC_PREFIX}invoke`, channel, payload)
      : Promise.resolve({ ok: false, error: { code: 'ipc.unknown-channel' } }),
  onEvent: (listener: (event: string, payload: unknown) => void) => {
    const handler = (_e: unknown, event: unknown, payload: unknown) => {
      if (isEventName(event)) listener(event, payload);
    };
    ipcRenderer.on(EVENT_IPC_CHANNEL, handler);
    // Main holds the events emitted before this page listened and sends them now (electron/main/ipc.ts).
    ipcRenderer.send(`${IPC_PREFIX}listen`);
    return () => void ipcRenderer.removeListener(EVENT_IPC_CHANNEL, handler);
  },
});
