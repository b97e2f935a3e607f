import { AppError } from '@shared/result';

/**
 * One captured screen or loaded image: 4 bytes per pixel, rows packed without padding.
 * RGBA or BGRA both work (Electron's `NativeImage.toBitmap()` is BGRA on most platforms): the
 * pipeline's own luminance (crop-resample.ts) weighs red and blue the same; jsQR, which gets the
 * plain crops, weighs them 0.21 and 0.07, so a coloured code's greys differ with the order while
 * a black-and-white code's do not.
 */
export interface Frame {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/** 100 megapixels: above any real multi-monitor capture, below what would exhaust a worker. */
export const MAX_FRAME_PIXELS = 100_000_000;

export function assertValidFrame(frame: Frame): void {
  const { width, height, data } = frame;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new AppError('qr.invalid-frame', { reason: 'size' });
  }
  if (width * height > MAX_FRAME_PIXELS) throw new AppError('qr.image-too-large', { maxPixels: MAX_FRAME_PIXELS });
  if (data.length < width * height * 4) throw new AppError('qr.invalid-frame', { reason: 'data-length' });
}
