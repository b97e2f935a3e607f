import type { Frame } from './frame';

/**
 * Stage 3 input: a grey RGBA crop of one region for jsQR, resampled so modules are ~2-3 px
 * (jsQR's cost grows with pixels, its accuracy does not grow past that), inverted for
 * light-on-dark codes, and padded with "light" where the region leaves the frame so a code
 * flush with the screen edge still gets a quiet zone.
 */

export interface Crop {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  /** Frame pixel = left + crop pixel * scale. */
  left: number;
  top: number;
  scale: number;
}

export interface CropBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * `scale` > 1 keeps one frame pixel per scale x scale block (its centre); `scale` < 1 (0.5)
 * repeats each frame pixel, for modules too small for jsQR's sampling grid.
 *
 * Point sampling, not averaging, on purpose: screen content has crisp module edges, and an
 * average across a module edge that does not fall on the block grid makes grey pixels that
 * shift jsQR's binarized edges by a pixel; at 3 px per module that made jsQR miss codes
 * depending only on where the crop started. Sampled, a 6-px module is exactly 3 px.
 */
export function cropRegion(frame: Frame, box: CropBox, scale: number, invert: boolean): Crop {
  const { data, width: fw, height: fh } = frame;
  const up = scale < 1 ? Math.round(1 / scale) : 1;
  const down = scale >= 1 ? Math.max(1, Math.round(scale)) : 1;
  const width = Math.max(1, Math.ceil(((box.right - box.left) * up) / down));
  const height = Math.max(1, Math.ceil(((box.bottom - box.top) * up) / down));
  const out = new Uint8ClampedArray(width * height * 4);
  const centre = down >> 1;
  // Outside the frame: the code's background, which is light once inverted codes are flipped.
  const outside = invert ? 0 : 255;
  for (let cy = 0; cy < height; cy++) {
    const sy = box.top + Math.floor((cy * down) / up) + centre;
    const rowInside = sy >= 0 && sy < fh;
    let o = cy * width * 4;
    for (let cx = 0; cx < width; cx++) {
      const sx = box.left + Math.floor((cx * down) / up) + centre;
      let l = outside;
      if (rowInside && sx >= 0 && sx < fw) {
        const i = (sy * fw + sx) * 4;
        l = (data[i]! + 2 * data[i + 1]! + data[i + 2]!) >> 2;
      }
      if (invert) l = 255 - l;
      out[o] = l;
      out[o + 1] = l;
      out[o + 2] = l;
      out[o + 3] = 255;
      o += 4;
    }
  }
  return { data: out, width, height, left: box.left, top: box.top, scale: down / up };
}

/** Crop scale for a module size: aim for 2-3 px per module, upsample only below ~1.8 px. */
export function scaleForModule(moduleSize: number): number {
  if (moduleSize < 1.8) return 0.5;
  return Math.max(1, Math.floor(moduleSize / 2.5));
}
