import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import type { Point } from './code-regions';
import type { Crop } from './crop';

/**
 * The second decoder: ZXing-C++ (zxing-wasm) on one small crop, for the regions jsQR cannot
 * read. jsQR's binarizer and grid sampler give up on modules of 1.5-2.5 device px with grey
 * edges (a CSS-scaled `<img>`, a smoothed canvas, SVG paths at 1.5 px, JPEG copies) even when
 * the crop is right; ZXing's hybrid binarizer and sampler read them. On a crop of one code it
 * costs about a millisecond or two (measured in bench:qr), against tens to hundreds of
 * milliseconds for ZXing on a whole frame, so the pipeline stays fast and jsQR stays the
 * first decoder for every code it can read.
 */

/** Crop decoder options: the crop is one code, grey, already inverted to dark-on-light. */
const OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
  maxNumberOfSymbols: 1,
};

/**
 * ZXing's local-average binarizer first (uneven backgrounds: a code on a tinted card), then its
 * global histogram one: the crop is one code and its quiet zone, so its histogram has two clear
 * peaks even where JPEG ringing shifts local averages. On the corpus each binarizer alone misses
 * codes the other reads (bench:qr lists them); the second call costs about a millisecond and
 * only on crops the first could not read.
 */
const BINARIZERS: Array<NonNullable<ReaderOptions['binarizer']>> = ['LocalAverage', 'GlobalHistogram'];

let ready: Promise<unknown> | null = null;

/**
 * Loads the .wasm from node_modules (zxing-wasm would fetch it from a CDN by default, which
 * the app must never do). Once per thread; later calls return the same promise.
 */
export function prepareCropDecoder(): Promise<unknown> {
  if (ready) return ready;
  const require = createRequire(import.meta.url);
  const path = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
  // Packaged, the file is unpacked beside the asar archive (electron-builder.yml asarUnpack).
  const unpacked = path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  const wasm = readFileSync(existsSync(unpacked) ? unpacked : path);
  const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
  ready = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  return ready;
}

export interface CropResult {
  text: string;
  /** Top-left, top-right, bottom-right, bottom-left in crop pixels. */
  corners: [Point, Point, Point, Point];
}

/**
 * The one valid QR payload ZXing reads in the crop, or null. `quick`: one pass, local-average
 * binarizer without tryHarder (about a third of the time of a tryHarder pass on a one-code
 * crop, bench:qr); most crops are read by it, and the pipeline calls the thorough passes only
 * when it fails.
 */
export async function zxingOnCrop(crop: Crop, quick = false): Promise<CropResult | null> {
  await prepareCropDecoder();
  // zxing-wasm takes an ImageData-shaped object; Node has no ImageData class (nor tsc the DOM lib).
  const input = { data: crop.data, width: crop.width, height: crop.height, colorSpace: 'srgb' } as unknown as Parameters<
    typeof readBarcodes
  >[0];
  const passes: ReaderOptions[] = quick
    ? [{ ...OPTIONS, tryHarder: false, binarizer: 'LocalAverage' }]
    : BINARIZERS.map((binarizer) => ({ ...OPTIONS, binarizer }));
  for (const options of passes) {
    const results = await readBarcodes(input, options);
    const hit = results.find((r) => r.isValid && r.format === 'QRCode' && (r.text !== '' || r.bytes.length > 0));
    if (!hit) continue;
    const p = hit.position;
    return { text: hit.text, corners: [p.topLeft, p.topRight, p.bottomRight, p.bottomLeft] };
  }
  return null;
}
