import { parentPort } from 'node:worker_threads';
import { isClientError, strictAssert } from '@shared/result';
import { decodeQrCodes } from './decode';
import { loadImage } from './image';
import type { QrWorkerRequest, QrWorkerResponse } from './worker-protocol';

/**
 * Worker-thread entry: decoding a 4K capture is tens of milliseconds of pure CPU (and a PNG
 * decode of a big screenshot more), which must not stall the main process that serves the UI.
 * electron-vite builds this file to out/main/qr-worker.js; from sources, qr-worker-dev.mjs loads it.
 */
const port = parentPort;
strictAssert(port, 'qr-worker.ts must run in a worker thread');

const handle = async (req: QrWorkerRequest): Promise<void> => {
  let res: QrWorkerResponse;
  try {
    const frame =
      req.kind === 'frame'
        ? { data: new Uint8ClampedArray(req.buffer), width: req.width, height: req.height }
        : loadImage(new Uint8Array(req.buffer));
    res = { id: req.id, ok: true, codes: await decodeQrCodes(frame) };
  } catch (e) {
    // Expected failures keep their code; anything else is reported without leaking internals.
    res = { id: req.id, ok: false, error: isClientError(e) ? e.toData() : { code: 'qr.decode-failed' } };
  }
  port.postMessage(res);
};

port.on('message', (req: QrWorkerRequest) => void handle(req));
