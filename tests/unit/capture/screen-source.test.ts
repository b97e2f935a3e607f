import { describe, expect, it } from 'vitest';
import {
  frameFromBitmap,
  framesFromCaptures,
  nativeSize,
  thumbnailSizeFor,
  type CapturedBitmap,
  type DisplayInfo,
} from '../../../electron/core/capture/screen-source';
import { cropWithMargin, downscale } from '../../../electron/core/capture/frame-tools';

const display = (id: number, width: number, height: number, scaleFactor: number): DisplayInfo => ({
  id,
  size: { width, height },
  scaleFactor,
});

/** A BGRA bitmap whose pixel i is (b=i, g=i+1, r=i+2, a=255) modulo 256. */
function bgra(width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) out.set([p & 0xff, (p + 1) & 0xff, (p + 2) & 0xff, 255], p * 4);
  return out;
}

describe('screen capture geometry', () => {
  it('asks for each display at its physical size (DIP size x scale factor)', () => {
    expect(nativeSize(display(1, 1920, 1080, 2))).toEqual({ width: 3840, height: 2160 });
    expect(nativeSize(display(1, 1536, 864, 1.25))).toEqual({ width: 1920, height: 1080 });
  });

  it('uses one thumbnail box that fits every display unshrunk, mixed scales and orientations too', () => {
    const displays = [display(1, 1920, 1080, 2), display(2, 1440, 2560, 1), display(3, 1280, 800, 1.5)];
    expect(thumbnailSizeFor(displays)).toEqual({ width: 3840, height: 2560 });
    expect(thumbnailSizeFor([])).toEqual({ width: 1920, height: 1080 });
  });
});

describe('frameFromBitmap', () => {
  it('turns NativeImage BGRA into an RGBA frame in a buffer of its own', () => {
    const bitmap = bgra(3, 2);
    const frame = frameFromBitmap(bitmap, 3, 2);
    expect([frame.width, frame.height]).toEqual([3, 2]);
    expect(Array.from(frame.data.subarray(0, 8))).toEqual([2, 1, 0, 255, 3, 2, 1, 255]);
    expect(frame.data.buffer).not.toBe(bitmap.buffer);
    expect(frame.data.byteLength).toBe(3 * 2 * 4);
  });

  it('copies RGBA as it is and ignores trailing bytes', () => {
    const rgba = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(frameFromBitmap(rgba, 2, 1, 'rgba').data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses a bitmap shorter than its size says, and an empty size', () => {
    expect(() => frameFromBitmap(new Uint8Array(10), 2, 2)).toThrow(expect.objectContaining({ code: 'qr.invalid-frame' }));
    expect(() => frameFromBitmap(new Uint8Array(0), 0, 0)).toThrow(expect.objectContaining({ code: 'capture.unavailable' }));
  });
});

describe('framesFromCaptures', () => {
  const displays = [display(10, 1920, 1080, 1), display(20, 1280, 720, 2)];
  const capture = (displayId: string, width: number, height: number): CapturedBitmap => ({
    displayId,
    width,
    height,
    bitmap: bgra(width, height),
  });

  it('orders frames as the displays are listed, at the size each thumbnail came back', () => {
    const frames = framesFromCaptures([capture('20', 256, 144), capture('10', 192, 108)], displays, 'win32');
    expect(frames.map((f) => [f.index, f.width, f.height])).toEqual([
      [0, 192, 108],
      [1, 256, 144],
    ]);
    expect(frames[0]!.data[0]).toBe(2); // red from BGRA byte 2
  });

  it('keeps sources without a display id (X11 leaves it empty) after the known ones', () => {
    const frames = framesFromCaptures([capture('', 64, 48), capture('10', 192, 108)], displays, 'linux');
    expect(frames.map((f) => f.width)).toEqual([192, 64]);
  });

  it('no picture on macOS means the Screen Recording permission is missing', () => {
    expect(() => framesFromCaptures([], displays, 'darwin')).toThrow(expect.objectContaining({ code: 'capture.permission-denied' }));
    const empty = { displayId: '10', width: 0, height: 0, bitmap: new Uint8Array(0) };
    expect(() => framesFromCaptures([empty], displays, 'darwin')).toThrow(expect.objectContaining({ code: 'capture.permission-denied' }));
  });

  it('no picture elsewhere means capture is unavailable (Wayland without a portal)', () => {
    expect(() => framesFromCaptures([], displays, 'linux')).toThrow(expect.objectContaining({ code: 'capture.unavailable' }));
  });
});

describe('frame tools', () => {
  it('downscales a 4K frame to a preview that fits the overlay', () => {
    const frame = { data: new Uint8ClampedArray(3840 * 2160 * 4).fill(200), width: 3840, height: 2160 };
    const small = downscale(frame);
    expect([small.width, small.height]).toEqual([1280, 720]);
    expect(small.data[0]).toBe(200);
  });

  it('crops a region at native resolution inside a white quiet zone, clamped to the frame', () => {
    const frame = { data: new Uint8ClampedArray(100 * 50 * 4).fill(0), width: 100, height: 50 };
    const crop = cropWithMargin(frame, { x: 90, y: 40, width: 50, height: 50 }, 4);
    expect([crop.width, crop.height]).toEqual([10 + 8, 10 + 8]);
    expect(crop.data[0]).toBe(255);
    expect(crop.data[(4 * crop.width + 4) * 4]).toBe(0);
    expect(() => cropWithMargin(frame, { x: 99, y: 0, width: 40, height: 40 })).toThrow(
      expect.objectContaining({ code: 'scan.region-empty' }),
    );
  });
});
