import { describe, expect, it } from 'vitest';
import { decodeQrCodes, locateAndDecode } from '../../../electron/core/qr/decode';
import { scanFinders } from '../../../electron/core/qr/finder-scan';
import { encodeMigrationUri } from '../../../electron/core/otp/migration';
import { makeFrame, qrSide, sampleOtpauthUri, seededRandom, type CodePlacement } from '../../../bench/synthetic-frames';
import { isClientError, type AppErrorData } from '@shared/result';

const migration = encodeMigrationUri(
  [1, 2, 3].map((n) => ({
    secret: Uint8Array.from({ length: 20 }, (_, i) => i * n),
    name: `user${n}@example.com`,
    issuer: `Service ${n}`,
  })),
);

/** Places a code by the fraction of the free space left of and above it, like the benchmark. */
function at(
  w: number,
  h: number,
  text: string,
  moduleSize: number,
  fx: number,
  fy: number,
  extra: Partial<CodePlacement> = {},
): CodePlacement {
  const side = qrSide(text, moduleSize);
  return { text, moduleSize, x: Math.round(fx * (w - side)), y: Math.round(fy * (h - side)), ...extra };
}

/** The AppError a call rejects with, as data (code + params), or undefined when it resolves. */
async function rejectionOf(p: Promise<unknown>): Promise<AppErrorData | undefined> {
  try {
    await p;
  } catch (e) {
    if (isClientError(e)) return e.toData();
    throw e;
  }
  return undefined;
}

describe('decodeQrCodes on screenshot-like frames', () => {
  it('finds a code with 2-px modules in a busy 4K frame, near the bottom-right edge', async () => {
    const text = sampleOtpauthUri(1);
    const { frame } = makeFrame(3840, 2160, [at(3840, 2160, text, 2, 0.995, 0.99)], 1);
    expect(await decodeQrCodes(frame)).toEqual([text]);
  });

  it('finds an inverted (light on dark) code', async () => {
    const text = sampleOtpauthUri(2);
    const { frame } = makeFrame(3840, 2160, [at(3840, 2160, text, 3, 0.4, 0.3, { inverted: true })], 2);
    expect(await decodeQrCodes(frame)).toEqual([text]);
  });

  it('finds two codes of different sizes in one 4K frame, top to bottom', async () => {
    const a = sampleOtpauthUri(3);
    const { frame } = makeFrame(3840, 2160, [at(3840, 2160, a, 3, 0.05, 0.05), at(3840, 2160, migration, 5, 0.8, 0.7)], 3);
    expect(await decodeQrCodes(frame)).toEqual([a, migration]);
  });

  it('finds one code on each monitor of a two-4K-monitor frame (7680x2160)', async () => {
    const a = sampleOtpauthUri(4);
    const b = sampleOtpauthUri(5);
    const { frame } = makeFrame(
      7680,
      2160,
      [at(7680, 2160, a, 2.5, 0.1, 0.8, { smooth: true }), at(7680, 2160, b, 4, 0.9, 0.2, { inverted: true })],
      4,
    );
    expect((await decodeQrCodes(frame)).sort()).toEqual([a, b].sort());
  });

  it('finds two identical-size codes side by side and reports a repeated code once', async () => {
    const a = sampleOtpauthUri(6);
    const b = sampleOtpauthUri(7);
    const side = qrSide(a, 3);
    const { frame } = makeFrame(
      1920,
      1080,
      [
        { text: a, moduleSize: 3, x: 300, y: 300 },
        { text: b, moduleSize: 3, x: 300 + side, y: 300 },
        { text: a, moduleSize: 3, x: 1400, y: 600 },
      ],
      5,
    );
    expect(await decodeQrCodes(frame)).toEqual([a, b]);
    expect((await locateAndDecode(frame)).map((c) => c.corners[0].x < 1000)).toEqual([true, true]);
  });

  it('reads a whole grid of same-size codes with narrow quiet zones (a page of backup codes)', async () => {
    const texts = [0, 1, 2, 3, 4, 5].map((i) => sampleOtpauthUri(60 + i));
    const side = qrSide(texts[0]!, 3, 2);
    const placements = texts.map((text, i) => ({
      text,
      moduleSize: 3,
      quietZone: 2,
      x: 200 + (i % 3) * side,
      y: 150 + Math.floor(i / 3) * side,
    }));
    expect(await decodeQrCodes(makeFrame(1920, 1080, placements, 11).frame)).toEqual(texts);
  });

  it('reads anti-aliased codes at fractional scaling and very large modules', async () => {
    const a = sampleOtpauthUri(8);
    const b = sampleOtpauthUri(9);
    const { frame } = makeFrame(2560, 1440, [at(2560, 1440, a, 3.5, 0.1, 0.5, { smooth: true }), at(2560, 1440, b, 14, 0.9, 0.5)], 6);
    expect((await decodeQrCodes(frame)).sort()).toEqual([a, b].sort());
  });

  it('reads a code whose quiet zone is cut by the screen edge', async () => {
    const text = sampleOtpauthUri(10);
    // 4-module quiet zone drawn, 3 of them off-screen to the left and above.
    const { frame } = makeFrame(1920, 1080, [{ text, moduleSize: 3, x: -9, y: -9 }], 7);
    expect(await decodeQrCodes(frame)).toEqual([text]);
  });

  it('reads BGRA frames (Electron bitmaps) the same as RGBA', async () => {
    const text = sampleOtpauthUri(11);
    const { frame } = makeFrame(1920, 1080, [at(1920, 1080, text, 3, 0.5, 0.5)], 8);
    const d = frame.data;
    for (let i = 0; i < d.length; i += 4) [d[i], d[i + 2]] = [d[i + 2]!, d[i]!];
    expect(await decodeQrCodes(frame)).toEqual([text]);
  });

  it('reads a pale code whose top finders sit beside black text (the frame thresholds read them as light)', async () => {
    // A grey-on-white code (dark modules at luminance 150) on a white page, lines of black
    // "text" level with its top finders, left and right, just outside the quiet zone. The scan's
    // thresholds there are midpoints of black and white (~128), below the code's dark grey.
    const text = sampleOtpauthUri(13);
    const m = 2;
    const x0 = 800;
    const y0 = 400;
    const { frame, codes } = makeFrame(1920, 1080, [{ text, moduleSize: m, x: x0, y: y0 }], 11, false);
    const side = codes[0]!.side;
    const d = frame.data;
    for (let y = y0; y < y0 + side; y++) {
      for (let x = x0; x < x0 + side; x++) {
        const i = (y * frame.width + x) * 4;
        const v = 150 + Math.round((d[i]! / 255) * 95);
        d[i] = d[i + 1] = d[i + 2] = v;
      }
    }
    // Glyph-like strokes (2 px wide, 6 px apart) in two text lines level with the top finders.
    for (const [from, to] of [
      [x0 - 160, x0 - 6],
      [x0 + side + 6, x0 + side + 160],
    ] as const) {
      for (let y = y0 + 4 * m - 6; y < y0 + 11 * m + 6; y++) {
        if (y % 14 >= 11) continue; // line spacing
        for (let x = from; x < to; x++) {
          if (x % 6 >= 2) continue;
          const i = (y * frame.width + x) * 4;
          d[i] = d[i + 1] = d[i + 2] = 0;
        }
      }
    }
    const inCode = scanFinders(frame).finders.filter((f) => f.x > x0 && f.x < x0 + side && f.y > y0 && f.y < y0 + side);
    expect(inCode.length).toBeLessThan(3); // what the second look is for
    expect(await decodeQrCodes(frame, { maxRescans: 0 })).toEqual([]);
    expect(await decodeQrCodes(frame)).toEqual([text]);
  });

  it('returns [] for frames without a code: a busy desktop, noise, a flat colour', async () => {
    expect(await decodeQrCodes(makeFrame(3840, 2160, [], 9).frame)).toEqual([]);
    const rnd = seededRandom(3);
    const noise = new Uint8ClampedArray(640 * 480 * 4).map(() => Math.floor(rnd() * 256));
    expect(await decodeQrCodes({ data: noise, width: 640, height: 480 })).toEqual([]);
    expect(await decodeQrCodes({ data: new Uint8Array(64 * 64 * 4).fill(200), width: 64, height: 64 })).toEqual([]);
  });

  it('finds a code in a small region selection through the same path', async () => {
    const text = sampleOtpauthUri(12);
    const { frame } = makeFrame(300, 260, [{ text, moduleSize: 4, x: 40, y: 20 }], 10, false);
    expect(await decodeQrCodes(frame)).toEqual([text]);
  });

  it('refuses malformed frames with a specific error', async () => {
    expect(await rejectionOf(decodeQrCodes({ data: new Uint8Array(10), width: 100, height: 100 }))).toEqual({
      code: 'qr.invalid-frame',
      params: { reason: 'data-length' },
    });
    expect((await rejectionOf(decodeQrCodes({ data: new Uint8Array(0), width: 0, height: 10 })))?.code).toBe('qr.invalid-frame');
    expect((await rejectionOf(decodeQrCodes({ data: new Uint8Array(0), width: 20_000, height: 20_000 })))?.code).toBe('qr.image-too-large');
  });
});
