import type { Crop, CropBox } from './crop';
import type { Frame } from './frame';

/**
 * The second crop for jsQR, for codes the plain crop cannot carry: modules of 1.5-3 device
 * pixels whose edges are grey ramps (a CSS-scaled `<img>`, a smoothed canvas, fractional
 * rectangles, JPEG). Two steps, both plain image processing:
 *
 * 1. Upsample by an integer factor with bilinear interpolation so a module is >= `targetPx`
 *    pixels. The sample grid is tied to frame pixels (crop pixel k of frame pixel x sits at
 *    x + (k + 0.5) / f - 0.5), so moving the crop origin by whole pixels moves the grid with it.
 * 2. Binarize against the mean of a window a few modules wide around every pixel (an integral
 *    image), and hand jsQR pure black and white. jsQR's own binarizer works on 8x8 blocks
 *    counted from the crop's corner; on a two-level image its thresholds no longer matter, so
 *    the result no longer depends on where the crop starts.
 */

export interface ResampleOptions {
  /** Pixels per module the upsampled crop aims for (at least). */
  targetPx: number;
  /** Half-width of the mean window, in modules. */
  windowModules: number;
  /** A pixel is dark when it is this much (0..255) below the local mean. */
  offset: number;
}

export const DEFAULT_RESAMPLE: ResampleOptions = { targetPx: 2, windowModules: 3, offset: 0 };

export function resampledCrop(
  frame: Frame,
  box: CropBox,
  moduleSize: number,
  invert: boolean,
  options: ResampleOptions = DEFAULT_RESAMPLE,
): Crop {
  const f = Math.max(1, Math.min(4, Math.ceil(options.targetPx / moduleSize)));
  const bw = box.right - box.left;
  const bh = box.bottom - box.top;
  const width = bw * f;
  const height = bh * f;
  const lum = sourceLuminance(frame, box, invert);
  // Source window is the box plus one pixel on each side (for interpolation at the edges).
  const sw = bw + 2;
  const up = new Float32Array(width * height);
  // Per output column: source column and weight, shared by all rows.
  const col0 = new Int32Array(width);
  const colW = new Float32Array(width);
  for (let cx = 0; cx < width; cx++) {
    const sx = (cx + 0.5) / f - 0.5 + 1; // +1: the padding column
    const x0 = Math.floor(sx);
    col0[cx] = x0;
    colW[cx] = sx - x0;
  }
  for (let cy = 0; cy < height; cy++) {
    const sy = (cy + 0.5) / f - 0.5 + 1;
    const y0 = Math.floor(sy);
    const wy = sy - y0;
    const r0 = y0 * sw;
    const r1 = r0 + sw;
    const o = cy * width;
    for (let cx = 0; cx < width; cx++) {
      const x0 = col0[cx]!;
      const wx = colW[cx]!;
      const top = lum[r0 + x0]! + (lum[r0 + x0 + 1]! - lum[r0 + x0]!) * wx;
      const bottom = lum[r1 + x0]! + (lum[r1 + x0 + 1]! - lum[r1 + x0]!) * wx;
      up[o + cx] = top + (bottom - top) * wy;
    }
  }
  const data = binarize(up, width, height, Math.max(2, Math.round(options.windowModules * moduleSize * f)), options.offset);
  return { data, width, height, left: box.left, top: box.top, scale: 1 / f };
}

/** Luminance of the box grown by one pixel; outside the frame it is the code's light background. */
function sourceLuminance(frame: Frame, box: CropBox, invert: boolean): Float32Array {
  const { data, width: fw, height: fh } = frame;
  const sw = box.right - box.left + 2;
  const sh = box.bottom - box.top + 2;
  const out = new Float32Array(sw * sh).fill(255);
  for (let y = 0; y < sh; y++) {
    const fy = box.top - 1 + y;
    if (fy < 0 || fy >= fh) continue;
    for (let x = 0; x < sw; x++) {
      const fx = box.left - 1 + x;
      if (fx < 0 || fx >= fw) continue;
      const i = (fy * fw + fx) * 4;
      const l = (data[i]! + 2 * data[i + 1]! + data[i + 2]!) / 4;
      out[y * sw + x] = invert ? 255 - l : l;
    }
  }
  return out;
}

/** Dark (0) where a pixel is `offset` below the mean of its (2r+1)^2 window, else light (255); RGBA. */
function binarize(v: Float32Array, width: number, height: number, r: number, offset: number): Uint8ClampedArray {
  const iw = width + 1;
  const sum = new Float64Array(iw * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += v[y * width + x]!;
      sum[(y + 1) * iw + x + 1] = sum[y * iw + x + 1]! + row;
    }
  }
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      const total = sum[y1 * iw + x1]! - sum[y0 * iw + x1]! - sum[y1 * iw + x0]! + sum[y0 * iw + x0]!;
      const mean = total / ((x1 - x0) * (y1 - y0));
      const l = v[y * width + x]! < mean - offset ? 0 : 255;
      const o = (y * width + x) * 4;
      out[o] = l;
      out[o + 1] = l;
      out[o + 2] = l;
      out[o + 3] = 255;
    }
  }
  return out;
}
