/**
 * The QR module's public surface for composition roots and services:
 * - `QrDecoder(workerUrl)` / `InlineQrDecoder`: the `QrFrameDecoder` port (frames and image files).
 * - `builtQrWorkerUrl(import.meta.url)` in the Electron main bundle, `sourceQrWorkerUrl()` from sources.
 * - `scanFramesForAccounts` / `accountsFromPayloads`: QR payloads to validated account specs.
 * - `decodeQrCodes` / `loadImage`: the pipeline (workers, CLI, tests); async since ZXing is its second crop decoder.
 */
export type { Frame } from './frame';
export { MAX_FRAME_PIXELS } from './frame';
export { decodeQrCodes, locateAndDecode, type DecodedCode, type DecodeOptions } from './decode';
export { InlineQrDecoder, QrDecoder, type QrDecoderOptions, type QrFrameDecoder } from './decoder';
export { loadImage, sniffImageFormat, type ImageFormat } from './image';
export { accountsFromPayloads, scanFramesForAccounts, type ScannedAccounts } from './scan-accounts';
export { builtQrWorkerUrl, sourceQrWorkerUrl } from './worker-url';
