import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../../bench/qr-corpus/build';
import { loadCorpusFrame, type CorpusManifest } from '../../../bench/qr-corpus/manifest';
import { corpusScenes } from '../../../bench/qr-corpus/scenes';
import { locateAndDecode } from '../../../electron/core/qr/decode';
import { resampledCrop } from '../../../electron/core/qr/crop-resample';
import { QrDecoder } from '../../../electron/core/qr/decoder';
import { sourceQrWorkerUrl } from '../../../electron/core/qr/worker-url';

/**
 * The pipeline on real Chromium renderings (bench/qr-corpus; rendered into a gitignored cache
 * on first use, about 1-3 minutes on two busy cores, then reused while the scenes are unchanged).
 * Every frame's expected outcome: each code zxing-wasm read when the corpus was built is found,
 * no payload that is not on the page is ever reported, a frame without a code gives [].
 *
 * KNOWN_MISSES lists, exactly, the codes zxing-wasm reads that the pipeline does not yet.
 * A listed code that starts being found fails the test too, so the list can only shrink.
 */
const KNOWN_MISSES = new Set<string>([]);

let manifest: CorpusManifest;

beforeAll(async () => {
  manifest = await ensureCorpus();
}, 900_000);

const frameOf = (id: string) => {
  const f = manifest.frames.find((x) => x.id === id);
  if (!f) throw new Error(`corpus frame ${id} is missing from the manifest`);
  return f;
};

describe('QR pipeline on the Chromium-rendered corpus', () => {
  const scenes = corpusScenes();

  it('covers at least 40 frames, every draw method, DSF and resolution, and frames without a code', () => {
    expect(scenes.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenes.flatMap((s) => s.codes.map((c) => c.method)))).toEqual(
      new Set(['img', 'canvas-smooth', 'fillrect', 'svg-rects', 'svg-path']),
    );
    expect(new Set(scenes.map((s) => s.dsf))).toEqual(new Set([1, 1.25, 1.5, 2]));
    expect(new Set(scenes.map((s) => s.width))).toEqual(new Set([1920, 2560, 3840, 7680]));
    expect(scenes.filter((s) => s.codes.length === 0).length).toBeGreaterThanOrEqual(4);
    expect(manifest.frames.map((f) => f.id)).toEqual(scenes.map((s) => s.id));
  });

  it.each(scenes.map((s) => [s.id, s.note] as const))('%s (%s): every code zxing-wasm reads, nothing that is not there', async (id) => {
    const entry = frameOf(id);
    const found = (await locateAndDecode(loadCorpusFrame(entry))).map((c) => c.text);
    const placed = entry.codes.map((c) => c.text);
    expect(found.filter((t) => !placed.includes(t))).toEqual([]);
    if (placed.length === 0) expect(found).toEqual([]);
    entry.codes.forEach((code, i) => {
      if (!code.zxing) return;
      const key = `${id}#${i}`;
      expect({ key, found: found.includes(code.text) }).toEqual({ key, found: !KNOWN_MISSES.has(key) });
    });
  });

  it('decodes a corpus frame in the worker thread, as the app does', async () => {
    const decoder = new QrDecoder(sourceQrWorkerUrl());
    try {
      const entry = frameOf('r2-04');
      expect((await decoder.decode(loadCorpusFrame(entry))).sort()).toEqual(entry.codes.map((c) => c.text).sort());
    } finally {
      await decoder.close();
    }
  });
});

describe('resampledCrop: the crop jsQR gets no longer depends on where it starts', () => {
  it('decodes a smoothed 2.5 px canvas code from all 64 crop origins (jsQR on the plain crop: a lottery)', async () => {
    // r2-06: a migration code drawn on a canvas upscaled with smoothing, then saved as JPEG q70.
    const entry = frameOf('r2-06');
    const frame = loadCorpusFrame(entry);
    const code = (await locateAndDecode(frame)).find((c) => c.text === entry.codes[0]!.text);
    expect(code).toBeDefined();
    const xs = code!.corners.map((p) => p.x);
    const ys = code!.corners.map((p) => p.y);
    const pad = 12;
    let decoded = 0;
    for (let dy = 0; dy < 8; dy++) {
      for (let dx = 0; dx < 8; dx++) {
        const box = {
          left: Math.floor(Math.min(...xs)) - pad - dx,
          top: Math.floor(Math.min(...ys)) - pad - dy,
          right: Math.ceil(Math.max(...xs)) + pad,
          bottom: Math.ceil(Math.max(...ys)) + pad,
        };
        const crop = resampledCrop(frame, box, entry.codes[0]!.pxPerModule, false);
        if (jsQR(crop.data, crop.width, crop.height, { inversionAttempts: 'dontInvert' })?.data === code!.text) decoded++;
      }
    }
    expect(decoded).toBe(64);
  });
});
