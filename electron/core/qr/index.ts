/**
 * The QR module's public surface: `QrDecoder(builtQrWorkerUrl(import.meta.url))` for the Electron
 * main bundle; `decodeQrCodes` / `loadImage`, the pipeline (async: ZXing decodes the crops; tests
 * read codes back). Services, the worker and the CLI import the modules themselves.
 */
export { decodeQrCodes } from './decode';
export { QrDecoder } from './decoder';
export { loadImage } from './image';
export { builtQrWorkerUrl } from './worker-url';
