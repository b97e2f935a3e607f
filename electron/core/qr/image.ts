import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { AppError } from '@shared/result';
import { MAX_FRAME_PIXELS, type Frame } from './frame';

/**
 * PNG or JPEG bytes (an imported screenshot, a dropped or pasted image) to an RGBA frame.
 * The pixel count is read from the header and checked before decoding, so a hostile
 * 60000x60000 image is refused without allocating gigabytes.
 */

export type ImageFormat = 'png' | 'jpeg';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length >= 24 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

export function loadImage(bytes: Uint8Array, maxPixels = MAX_FRAME_PIXELS): Frame {
  const format = sniffImageFormat(bytes);
  if (!format) throw new AppError('qr.unsupported-image', { reason: 'format' });
  const size = format === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size || size.width <= 0 || size.height <= 0) throw new AppError('qr.unsupported-image', { reason: 'header' });
  if (size.width * size.height > maxPixels) {
    throw new AppError('qr.image-too-large', { width: size.width, height: size.height, maxPixels });
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (format === 'png') {
      const png = PNG.sync.read(buffer);
      return {
        data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
        width: png.width,
        height: png.height,
      };
    }
    const maxResolutionInMP = Math.ceil(maxPixels / 1_000_000);
    const img = jpeg.decode(buffer, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP,
      // RGBA output plus jpeg-js's own component buffers: ~6 bytes per pixel at most.
      maxMemoryUsageInMB: Math.ceil((maxPixels * 6) / 1_048_576) + 64,
    });
    return { data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength), width: img.width, height: img.height };
  } catch (e) {
    throw new AppError('qr.unsupported-image', { reason: 'corrupt' }, { cause: e });
  }
}

/** IHDR is always the first chunk: width and height are big-endian at bytes 16..23. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Walks the JPEG markers to the first start-of-frame (SOF0..SOF15 except DHT/JPG/DAC). */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 2;
  while (pos + 9 < bytes.length) {
    if (bytes[pos] !== 0xff) return null;
    const marker = bytes[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2; // markers without a length
      continue;
    }
    const length = view.getUint16(pos + 2);
    if (length < 2) return null;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: view.getUint16(pos + 5), width: view.getUint16(pos + 7) };
    pos += 2 + length;
  }
  return null;
}
