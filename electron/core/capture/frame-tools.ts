import { PNG } from 'pngjs';
import { AppError } from '@shared/result';
import type { Frame } from '../qr/frame';

/** The overlay shows a screen at window size; more pixels than this only cost IPC and encoding. */
export const PREVIEW_MAX = { width: 1600, height: 1000 };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A reduced copy for the "Select area" overlay: 2x2..NxN box average, so text stays legible.
 * Only a picture to aim with; decoding always uses the native frame kept in main.
 */
export function downscale(frame: Frame, max = PREVIEW_MAX): Frame {
  const factor = Math.max(1, Math.ceil(Math.max(frame.width / max.width, frame.height / max.height)));
  if (factor === 1)
    return {
      data: new Uint8ClampedArray(frame.data.subarray(0, frame.width * frame.height * 4)),
      width: frame.width,
      height: frame.height,
    };
  const width = Math.floor(frame.width / factor);
  const height = Math.floor(frame.height / factor);
  const out = new Uint8ClampedArray(width * height * 4);
  const n = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0,
        g = 0,
        b = 0;
      for (let dy = 0; dy < factor; dy++) {
        let i = ((y * factor + dy) * frame.width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++, i += 4) {
          r += frame.data[i]!;
          g += frame.data[i + 1]!;
          b += frame.data[i + 2]!;
        }
      }
      const o = (y * width + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return { data: out, width, height };
}

export function encodePng(frame: Frame): Uint8Array {
  const png = new PNG({ width: frame.width, height: frame.height });
  png.data = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.width * frame.height * 4);
  return new Uint8Array(PNG.sync.write(png, { deflateLevel: 3 }));
}

/** A light border around a selected region: people drag tight around a code and cut its quiet zone. */
const QUIET_MARGIN = 24;

/**
 * The selected rectangle (native pixels, clamped to the frame) as a frame of its own, framed by
 * a white margin so a selection flush with the code's edge still decodes.
 */
export function cropWithMargin(frame: Frame, rect: Rect, margin = QUIET_MARGIN): Frame {
  const left = Math.max(0, Math.floor(rect.x));
  const top = Math.max(0, Math.floor(rect.y));
  const right = Math.min(frame.width, Math.ceil(rect.x + rect.width));
  const bottom = Math.min(frame.height, Math.ceil(rect.y + rect.height));
  if (right - left < 8 || bottom - top < 8) throw new AppError('scan.region-empty');
  const width = right - left + 2 * margin;
  const height = bottom - top + 2 * margin;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = top; y < bottom; y++) {
    const from = (y * frame.width + left) * 4;
    data.set(frame.data.subarray(from, from + (right - left) * 4), ((y - top + margin) * width + margin) * 4);
  }
  return { data, width, height };
}
