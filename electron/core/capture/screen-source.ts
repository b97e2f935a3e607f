import { AppError } from '@shared/result';
import type { Frame } from '../qr/frame';

/**
 * The `ScreenSource` port: every display captured at its native resolution, for "Scan screens"
 * and "Select area". Electron main wires a desktopCapturer adapter (electron/main/screen-capture.ts);
 * the browser host wires none (its page captures with getDisplayMedia and sends an image).
 *
 * Failures are typed so the renderer can say what to do:
 * - `capture.permission-denied`: macOS has not granted Screen Recording to the app;
 * - `capture.unavailable`: the system offers no capture (Wayland without a portal, a remote
 *   session): the user can import an image or paste one instead.
 */
export interface ScreenFrame extends Frame {
  /** Display order as the OS lists displays (0 = first). */
  index: number;
  /** A ready preview (JPEG or PNG bytes) when the adapter can make one cheaply (NativeImage). */
  preview?: { bytes: Uint8Array; mime: 'image/png' | 'image/jpeg'; width: number; height: number };
}

export interface ScreenSource {
  capture(): Promise<ScreenFrame[]>;
}

export const captureErrors = {
  permissionDenied: (platform: string) => new AppError('capture.permission-denied', { platform }),
  unavailable: (reason: string) => new AppError('capture.unavailable', { reason }),
  notSupported: () => new AppError('capture.not-supported'),
};

/** A display as Electron's `screen.getAllDisplays()` describes it (DIP size and scale factor). */
export interface DisplayInfo {
  id: number | string;
  size: { width: number; height: number };
  scaleFactor: number;
}

/** A display's size in physical pixels: what the capture must be for small QR modules to survive. */
export function nativeSize(display: DisplayInfo): { width: number; height: number } {
  return {
    width: Math.round(display.size.width * display.scaleFactor),
    height: Math.round(display.size.height * display.scaleFactor),
  };
}

/**
 * desktopCapturer takes ONE thumbnail size for every source and fits each screen inside it,
 * keeping its aspect ratio. The box of the largest native width and height fits every display
 * without shrinking any (a 4K landscape and a 1440p portrait monitor give 3840x2560).
 */
export function thumbnailSizeFor(displays: readonly DisplayInfo[]): { width: number; height: number } {
  if (displays.length === 0) return { width: 1920, height: 1080 };
  const sizes = displays.map(nativeSize);
  return { width: Math.max(...sizes.map((s) => s.width)), height: Math.max(...sizes.map((s) => s.height)) };
}

/**
 * NativeImage.toBitmap() gives BGRA (Skia's native order on little-endian machines), rows packed.
 * This returns an RGBA frame (the decoder's and PNG's order) in a buffer of its own, so it can be
 * transferred to the decoder worker. A bitmap shorter than width x height x 4 is refused.
 */
export function frameFromBitmap(bitmap: Uint8Array, width: number, height: number, order: 'bgra' | 'rgba' = 'bgra'): Frame {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw captureErrors.unavailable('empty-image');
  }
  const size = width * height * 4;
  if (bitmap.length < size) throw new AppError('qr.invalid-frame', { reason: 'data-length' });
  const data = new Uint8ClampedArray(size);
  if (order === 'rgba') {
    data.set(bitmap.subarray(0, size));
  } else {
    // One 32-bit word per pixel, red and blue swapped in place: ~4x faster than byte by byte
    // (a 4K capture is 8.3 M pixels). Both views are little-endian: BGRA bytes read as 0xAARRGGBB.
    data.set(bitmap.subarray(0, size));
    const px = new Uint32Array(data.buffer, 0, width * height);
    for (let i = 0; i < px.length; i++) {
      const v = px[i]!;
      px[i] = (v & 0xff00ff00) | ((v & 0xff) << 16) | ((v >>> 16) & 0xff);
    }
  }
  return { data, width, height };
}

/** One desktopCapturer source, reduced to plain data by the Electron adapter. */
export interface CapturedBitmap {
  displayId: string;
  width: number;
  height: number;
  /** BGRA bytes from NativeImage.toBitmap(). */
  bitmap: Uint8Array;
  preview?: ScreenFrame['preview'];
}

/**
 * desktopCapturer's answer to frames, ordered as the displays are. No source or only empty
 * thumbnails means the OS gave us nothing: on macOS that is the missing Screen Recording
 * permission (the system returns the wallpaper-less empty image), elsewhere no capture backend.
 */
export function framesFromCaptures(captures: readonly CapturedBitmap[], displays: readonly DisplayInfo[], platform: string): ScreenFrame[] {
  const usable = captures.filter((c) => c.width > 0 && c.height > 0 && c.bitmap.length > 0);
  if (usable.length === 0) {
    throw platform === 'darwin' ? captureErrors.permissionDenied(platform) : captureErrors.unavailable('no-sources');
  }
  const order = (c: CapturedBitmap): number => {
    const i = displays.findIndex((d) => String(d.id) === c.displayId);
    return i < 0 ? displays.length + usable.indexOf(c) : i;
  };
  return [...usable]
    .sort((a, b) => order(a) - order(b))
    .map((c, index) => ({ ...frameFromBitmap(c.bitmap, c.width, c.height, 'bgra'), index, ...(c.preview ? { preview: c.preview } : {}) }));
}
