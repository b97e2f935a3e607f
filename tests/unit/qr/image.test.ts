import { describe, expect, it } from 'vitest';
import { decodeQrCodes } from '../../../electron/core/qr/decode';
import { loadImage, sniffImageFormat } from '../../../electron/core/qr/image';
import { makeFrame, sampleOtpauthUri } from '../../../bench/synthetic-frames';
import { errorOf } from '../otp/error-of';
import { toJpeg, toPng } from './encode-image';

const text = sampleOtpauthUri(21);
const { frame } = makeFrame(800, 600, [{ text, x: 200, y: 120, moduleSize: 4 }], 21);

/** A PNG signature and IHDR claiming the given size; nothing after it (never decoded). */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

/** SOI, an APP0 segment to skip, then a baseline SOF0 claiming the given size. */
function jpegHeader(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x04,
    0x00,
    0x00,
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ]);
}

describe('loadImage', () => {
  it('loads a PNG screenshot into a frame the decoder reads', async () => {
    const loaded = loadImage(toPng(frame));
    expect([loaded.width, loaded.height]).toEqual([800, 600]);
    expect(loaded.data.length).toBe(800 * 600 * 4);
    expect(await decodeQrCodes(loaded)).toEqual([text]);
  });

  it('loads a JPEG (compression noise and all) into a frame the decoder reads', async () => {
    const loaded = loadImage(toJpeg(frame, 80));
    expect([loaded.width, loaded.height]).toEqual([800, 600]);
    expect(await decodeQrCodes(loaded)).toEqual([text]);
  });

  it('sniffs the format from the bytes, not a file name', () => {
    expect(sniffImageFormat(toPng(frame))).toBe('png');
    expect(sniffImageFormat(toJpeg(frame))).toBe('jpeg');
    expect(sniffImageFormat(new TextEncoder().encode('GIF89a....................'))).toBeNull();
  });

  it('refuses garbage, unsupported formats and corrupt images with qr.unsupported-image', () => {
    expect(errorOf(() => loadImage(new Uint8Array(0)))).toEqual({ code: 'qr.unsupported-image', params: { reason: 'format' } });
    expect(errorOf(() => loadImage(new TextEncoder().encode('not an image at all, just text')))?.code).toBe('qr.unsupported-image');
    expect(errorOf(() => loadImage(new TextEncoder().encode('GIF89a' + 'x'.repeat(40))))?.code).toBe('qr.unsupported-image');
    const truncated = toPng(frame).slice(0, 200);
    expect(errorOf(() => loadImage(truncated))).toEqual({ code: 'qr.unsupported-image', params: { reason: 'corrupt' } });
    const corruptJpeg = toJpeg(frame).slice(0, 300);
    expect(errorOf(() => loadImage(corruptJpeg))?.code).toBe('qr.unsupported-image');
    expect(errorOf(() => loadImage(pngHeader(0, 10)))).toEqual({ code: 'qr.unsupported-image', params: { reason: 'header' } });
  });

  it('refuses huge images from their header, before allocating anything', () => {
    expect(errorOf(() => loadImage(pngHeader(60_000, 60_000)))).toEqual({
      code: 'qr.image-too-large',
      params: { width: 60_000, height: 60_000, maxPixels: 100_000_000 },
    });
    expect(errorOf(() => loadImage(jpegHeader(65_000, 65_000)))?.code).toBe('qr.image-too-large');
    expect(errorOf(() => loadImage(toPng(frame), 100_000))?.code).toBe('qr.image-too-large');
  });
});
