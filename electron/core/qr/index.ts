/**
 * What the Electron main bundle takes from the QR module: `QrDecoder(builtQrWorkerUrl(import.meta.url))`.
 * Services, the worker, the CLI and tests import the modules themselves (decoder.ts: the
 * `QrFrameDecoder` port and `InlineQrDecoder`; decode.ts, image.ts, scan-accounts.ts, worker-url.ts).
 */
export { QrDecoder } from './decoder';
export { builtQrWorkerUrl } from './worker-url';
