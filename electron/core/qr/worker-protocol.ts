import type { AppErrorData } from '@shared/result';

/** Messages between `QrDecoder` (main thread) and `qr-worker.ts`. Pixel buffers travel as transfers. */
export type QrWorkerRequest =
  { id: number; kind: 'frame'; buffer: ArrayBuffer; width: number; height: number } | { id: number; kind: 'image'; buffer: ArrayBuffer };

export type QrWorkerResponse = { id: number; ok: true; codes: string[] } | { id: number; ok: false; error: AppErrorData };
