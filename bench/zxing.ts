import { readBarcodes } from 'zxing-wasm/reader';
import { prepareCropDecoder } from '../electron/core/qr/zxing-crop';
import type { Frame } from '../electron/core/qr/frame';

/**
 * zxing-wasm as the reference reader for the benchmark and the corpus: `readBarcodes` with
 * QRCode only and tryHarder, the way an app would use it to read a whole screen.
 */

/** zxing-wasm loads its .wasm from a CDN by default: the pipeline's loader hands it the file from node_modules. */
export function prepareZxing(): Promise<unknown> {
  return prepareCropDecoder();
}

type ZxingInput = Parameters<typeof readBarcodes>[0];

/** Every valid QR payload zxing-wasm reads in the frame. */
export async function zxingRead(frame: Frame): Promise<string[]> {
  await prepareZxing();
  // zxing-wasm takes an ImageData-shaped object; Node has no ImageData class (and tsc no DOM lib here).
  const input = { data: frame.data, width: frame.width, height: frame.height, colorSpace: 'srgb' } as unknown as ZxingInput;
  const found = await readBarcodes(input, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 16 });
  return [...new Set(found.filter((b) => b.isValid).map((b) => b.text))];
}
