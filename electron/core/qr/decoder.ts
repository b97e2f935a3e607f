import { Worker } from 'node:worker_threads';
import { AppError } from '@shared/result';
import { decodeQrCodes } from './decode';
import { assertValidFrame, type Frame } from './frame';
import { loadImage } from './image';
import type { QrWorkerRequest, QrWorkerResponse } from './worker-protocol';

/**
 * The port services use to read QR codes: every payload in a frame or an image file.
 * `QrDecoder` runs off the calling thread; `InlineQrDecoder` runs in place (tests, tools).
 */
export interface QrFrameDecoder {
  /** The frame's pixel buffer is transferred to the decoder (detached here) unless `copy` is set. */
  decode(frame: Frame, options?: { copy?: boolean }): Promise<string[]>;
  /** PNG or JPEG bytes; decoding the image happens off-thread too. */
  decodeImage(bytes: Uint8Array): Promise<string[]>;
  close(): Promise<void>;
}

export interface QrDecoderOptions {
  /** A decode that takes longer than this kills the worker (it restarts on the next call). */
  timeoutMs?: number;
}

interface Pending {
  resolve: (codes: string[]) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

/**
 * Decodes in a `worker_threads` Worker. The composition root picks the worker file: the built
 * `out/main/qr-worker.js` in the app, `qr-worker-dev.mjs` when running from sources (see
 * worker-url.ts). The worker starts on first use and again after a crash or a timeout.
 */
export class QrDecoder implements QrFrameDecoder {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;

  constructor(
    private readonly workerUrl: URL | string,
    options: QrDecoderOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  decode(frame: Frame, options: { copy?: boolean } = {}): Promise<string[]> {
    try {
      assertValidFrame(frame);
    } catch (e) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes assertValidFrame's AppError on unchanged.
      return Promise.reject(e);
    }
    const size = frame.width * frame.height * 4;
    const buffer = ownBuffer(frame.data.subarray(0, size), options.copy ?? false);
    return this.send({ id: this.nextId++, kind: 'frame', buffer, width: frame.width, height: frame.height });
  }

  decodeImage(bytes: Uint8Array): Promise<string[]> {
    return this.send({ id: this.nextId++, kind: 'image', buffer: ownBuffer(bytes, true) });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new AppError('qr.decoder-closed'));
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private send(req: QrWorkerRequest): Promise<string[]> {
    if (this.closed) return Promise.reject(new AppError('qr.decoder-closed'));
    const worker = this.ensureWorker();
    return new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A stuck decode cannot be interrupted inside the worker: replace the worker.
        this.failAll(new AppError('qr.decode-timeout', { timeoutMs: this.timeoutMs }));
        void this.restart();
      }, this.timeoutMs);
      timer.unref();
      this.pending.set(req.id, { resolve, reject, timer });
      // Keep the process alive while a decode is running, not while the worker idles.
      worker.ref();
      worker.postMessage(req, [req.buffer]);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl);
    worker.on('message', (res: QrWorkerResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      clearTimeout(p.timer);
      if (this.pending.size === 0) worker.unref();
      if (res.ok) p.resolve(res.codes);
      else p.reject(new AppError(res.error.code, res.error.params));
    });
    worker.on('error', (e) => {
      this.failAll(new AppError('qr.decoder-crashed', undefined, { cause: e }));
      if (this.worker === worker) this.worker = null;
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new AppError('qr.decoder-crashed'));
    });
    this.worker = worker;
    return worker;
  }

  private async restart(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private failAll(error: AppError): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(error);
      this.pending.delete(id);
    }
  }
}

/** Same contract, decoding on the calling thread: for tests and command-line tools. */
export class InlineQrDecoder implements QrFrameDecoder {
  decode(frame: Frame): Promise<string[]> {
    return Promise.resolve().then(() => decodeQrCodes(frame));
  }

  decodeImage(bytes: Uint8Array): Promise<string[]> {
    return Promise.resolve().then(() => decodeQrCodes(loadImage(bytes)));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * An ArrayBuffer holding exactly `view`'s bytes that may be transferred: the view's own buffer
 * when it spans all of it (zero copy), else a copy (a view into a larger or pooled buffer).
 */
function ownBuffer(view: Uint8Array | Uint8ClampedArray, copy: boolean): ArrayBuffer {
  const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
  if (!copy && whole && view.buffer instanceof ArrayBuffer) return view.buffer;
  return view.slice().buffer;
}
