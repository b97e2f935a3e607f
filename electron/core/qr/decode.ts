import jsQR from 'jsqr';
import { findCodeRegions, pairRegions, type CodeRegion, type Point } from './code-regions';
import { cropRegion, scaleForModule, type Crop } from './crop';
import { resampledCrop } from './crop-resample';
import { DEFAULT_FINDER_SCAN, scanFinders, type FinderScanOptions, type PixelClassifier } from './finder-scan';
import { assertValidFrame, type Frame } from './frame';
import { timingAgreement } from './timing-check';

/**
 * The QR pipeline: finder patterns on sampled rows -> triangles of finders -> one small crop
 * per candidate at native resolution -> jsQR on each crop. Naive jsQR over a 4K frame costs
 * ~0.7 s and reports one code; this reads every code in the frame in tens of milliseconds.
 */

export interface DecodeOptions {
  finderScan: FinderScanOptions;
  /**
   * Upper bound on failed jsQR calls per frame, so a frame full of look-alike patterns stays
   * fast; successful calls do not count, so a page of many codes is read in full.
   */
  maxFailedAttempts: number;
  /**
   * Frames up to this many pixels (a region selection, a small image) also get one plain jsQR
   * pass when the pipeline found nothing: cheap there, and a safety net for odd renderings.
   */
  fullFrameFallbackMaxPixels: number;
  /** Share of timing-pattern modules that must have the right colour before jsQR is tried. */
  minTimingAgreement: number;
  cropStrategy: CropStrategy;
}

/** Which crops jsQR gets per region, in order (see crop.ts and crop-resample.ts). */
export type CropStrategy = 'plain' | 'plain-then-resampled' | 'resampled-first';

export const DEFAULT_DECODE_OPTIONS: DecodeOptions = {
  finderScan: DEFAULT_FINDER_SCAN,
  maxFailedAttempts: 24,
  fullFrameFallbackMaxPixels: 1_000_000,
  minTimingAgreement: 0.7,
  cropStrategy: 'plain-then-resampled',
};

export interface DecodedCode {
  text: string;
  /** Corners of the symbol in frame pixels: top-left, top-right, bottom-right, bottom-left. */
  corners: [Point, Point, Point, Point];
}

/** Every distinct QR payload in the frame, top to bottom, left to right; [] when there is none. */
export function decodeQrCodes(frame: Frame, options: Partial<DecodeOptions> = {}): string[] {
  return locateAndDecode(frame, options).map((c) => c.text);
}

export function locateAndDecode(frame: Frame, options: Partial<DecodeOptions> = {}): DecodedCode[] {
  assertValidFrame(frame);
  const opts = { ...DEFAULT_DECODE_OPTIONS, ...options };
  const { finders, isDark } = scanFinders(frame, opts.finderScan);
  const found = new Map<string, DecodedCode>();
  const explained = new Set<number>();
  const budget = { failuresLeft: opts.maxFailedAttempts };

  /** Regions whose timing patterns check out, most convincing first. */
  const verified = (regions: CodeRegion[]): CodeRegion[] =>
    regions
      .map((region) => ({ region, timing: timingOf(isDark, region) }))
      .filter(({ timing }) => timing >= opts.minTimingAgreement)
      .sort((a, b) => b.timing - a.timing || a.region.score - b.region.score)
      .map(({ region }) => region);

  const tryRegions = (regions: CodeRegion[]): void => {
    for (const region of regions) {
      if (budget.failuresLeft <= 0) return;
      // A finder inside a code already read belongs to it; a triangle using it is a cross-code ghost.
      if (region.finders.some((i) => explained.has(i))) continue;
      const result = decodeRegion(frame, region, budget, opts.cropStrategy);
      if (!result) continue;
      if (!found.has(result.text)) found.set(result.text, result);
      finders.forEach((f, i) => {
        if (insideQuad(f, result.corners, region.moduleSize * 2)) explained.add(i);
      });
    }
  };

  tryRegions(verified(findCodeRegions(finders)));
  const leftover = finders.map((_, i) => i).filter((i) => !explained.has(i));
  if (leftover.length >= 2 && leftover.length <= 12) tryRegions(verified(pairRegions(finders, leftover)).slice(0, 4));

  // Safety net for small frames (a region selection) where the scan found next to nothing:
  // plain jsQR there is cheap. Not on texture (many finder-like spots), where jsQR is very slow.
  const small = frame.width * frame.height <= opts.fullFrameFallbackMaxPixels;
  if (found.size === 0 && small && finders.length <= 8) {
    for (const invert of [false, true]) {
      const whole = cropRegion(frame, { left: 0, top: 0, right: frame.width, bottom: frame.height }, 1, invert);
      const result = runJsqr(whole);
      if (result) found.set(result.text, result);
    }
  }
  return [...found.values()].sort(readingOrder);
}

/** Top to bottom, then left to right among codes whose tops are within half a code of each other. */
function readingOrder(a: DecodedCode, b: DecodedCode): number {
  const height = Math.abs(a.corners[3].y - a.corners[0].y);
  const dy = a.corners[0].y - b.corners[0].y;
  return Math.abs(dy) > height / 2 ? dy : a.corners[0].x - b.corners[0].x;
}

function timingOf(isDark: PixelClassifier, region: CodeRegion): number {
  return Math.min(...region.timingLines.map((t) => timingAgreement(isDark, t.p, t.q, t.inward, region.moduleSize, region.dark)));
}

function decodeRegion(frame: Frame, region: CodeRegion, budget: { failuresLeft: number }, strategy: CropStrategy): DecodedCode | null {
  const invert = !region.dark;
  const first = scaleForModule(region.moduleSize);
  const attempts: Array<() => Crop> = [];
  const plain = (): Crop => cropRegion(frame, region, first, invert);
  const resampled = (): Crop => resampledCrop(frame, region, region.moduleSize, invert);
  if (strategy === 'plain') {
    attempts.push(plain);
    if (first > 1) attempts.push(() => cropRegion(frame, region, first - 1, invert));
    else if (first === 1 && region.moduleSize < 3.2) attempts.push(() => cropRegion(frame, region, 0.5, invert));
  } else if (strategy === 'resampled-first') {
    attempts.push(resampled, plain);
  } else {
    attempts.push(plain, resampled);
  }
  for (const attempt of attempts) {
    if (budget.failuresLeft <= 0) return null;
    const result = runJsqr(attempt());
    if (result) return result;
    budget.failuresLeft--;
  }
  return null;
}

function runJsqr(crop: Crop): DecodedCode | null {
  // The crop is already inverted when the code is light-on-dark, so one attempt is enough.
  const code = jsQR(crop.data, crop.width, crop.height, { inversionAttempts: 'dontInvert' });
  if (!code || code.data === '' && code.binaryData.length === 0) return null;
  const map = (p: Point): Point => ({ x: crop.left + p.x * crop.scale, y: crop.top + p.y * crop.scale });
  const l = code.location;
  return {
    text: code.data,
    corners: [map(l.topLeftCorner), map(l.topRightCorner), map(l.bottomRightCorner), map(l.bottomLeftCorner)],
  };
}

/** Point in a convex quad, grown by `slack` pixels, via the bounding box and edge signs. */
function insideQuad(p: Point, quad: Point[], slack: number): boolean {
  const xs = quad.map((q) => q.x);
  const ys = quad.map((q) => q.y);
  if (p.x < Math.min(...xs) - slack || p.x > Math.max(...xs) + slack) return false;
  if (p.y < Math.min(...ys) - slack || p.y > Math.max(...ys) + slack) return false;
  let sign = 0;
  for (let i = 0; i < quad.length; i++) {
    const a = quad[i]!;
    const b = quad[(i + 1) % quad.length]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const cross = ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) / len; // signed distance
    if (Math.abs(cross) <= slack) continue;
    const s = Math.sign(cross);
    if (sign !== 0 && s !== sign) return false;
    sign = s;
  }
  return true;
}
