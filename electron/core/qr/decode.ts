import jsQR from 'jsqr';
import { findCodeRegions, pairRegions, type CodeRegion, type Point } from './code-regions';
import { cropRegion, scaleForModule, type Crop } from './crop';
import { resampledCrop, type ResampleOptions } from './crop-resample';
import { DEFAULT_FINDER_SCAN, scanFinders, type FinderScanOptions, type PixelClassifier } from './finder-scan';
import type { FinderPattern } from './finder-check';
import { assertValidFrame, type Frame } from './frame';
import { timingAgreement } from './timing-check';
import { zxingOnCrop } from './zxing-crop';

/**
 * The QR pipeline: finder patterns on sampled rows -> triangles of finders (the third looked up
 * where two imply it) -> timing patterns checked -> one small crop per candidate at native
 * resolution -> ZXing (zxing-wasm) on each crop. Finders left without a code get a second
 * look with thresholds from their own colours (finder-scan.ts `rescanAround`). Naive jsQR over
 * a 4K frame costs ~1 s of CPU and reports one code, zxing-wasm on the whole frame ~75 ms; this
 * reads every code in the frame in a fraction of that (bench:qr). jsQR stays as an option per crop (bench:qr compares
 * them: on the Chromium corpus it reads fewer codes in more time) and reads small frames whole
 * when nothing was found.
 */

export interface DecodeOptions {
  finderScan: FinderScanOptions;
  /**
   * Upper bound on failed crop decodes per frame, so a frame full of look-alike patterns stays
   * fast; successful calls do not count, so a page of many codes is read in full.
   */
  maxFailedAttempts: number;
  /**
   * Frames up to this many pixels (a region selection, a small image) also get one plain jsQR
   * pass when the pipeline found nothing: cheap there, and a safety net for odd renderings.
   */
  fullFrameFallbackMaxPixels: number;
  /** Share of timing-pattern modules that must have the right colour before a crop is decoded. */
  minTimingAgreement: number;
  /** Candidate regions (best-fitting triangles first) whose timing check may fail before checking stops. */
  maxRejectedRegions: number;
  /**
   * Most second looks per frame around a finder no code explains, with thresholds from its own
   * colours (finder-scan.ts `rescanAround`: a pale code beside black text).
   */
  maxRescans: number;
  cropStrategy: CropStrategy;
}

/**
 * What each region gets, in order: jsQR on the point-sampled crop (crop.ts), then either nothing
 * more, jsQR on a resampled and locally thresholded crop (crop-resample.ts), or ZXing on the
 * native grey crop (zxing-crop.ts); 'zxing' skips jsQR. With ZXing, modules under 3 px also get
 * ZXing on a crop resampled to 4 px a module when the native one fails. bench:qr measures all
 * of them, and prints which decoder order issue 13's rule picks.
 */
export type CropStrategy = 'plain' | 'plain-then-resampled' | 'plain-then-zxing' | 'zxing';

export const DEFAULT_DECODE_OPTIONS: DecodeOptions = {
  finderScan: DEFAULT_FINDER_SCAN,
  maxFailedAttempts: 12,
  fullFrameFallbackMaxPixels: 1_000_000,
  minTimingAgreement: 0.8,
  maxRejectedRegions: 32,
  maxRescans: 3,
  cropStrategy: 'zxing',
};

export interface DecodedCode {
  text: string;
  /** Corners of the symbol in frame pixels: top-left, top-right, bottom-right, bottom-left. */
  corners: [Point, Point, Point, Point];
}

/** Every distinct QR payload in the frame, top to bottom, left to right; [] when there is none. */
export async function decodeQrCodes(frame: Frame, options: Partial<DecodeOptions> = {}): Promise<string[]> {
  return (await locateAndDecode(frame, options)).map((c) => c.text);
}

export async function locateAndDecode(frame: Frame, options: Partial<DecodeOptions> = {}): Promise<DecodedCode[]> {
  assertValidFrame(frame);
  const opts = { ...DEFAULT_DECODE_OPTIONS, ...options };
  const { finders, isDark, rescanAround } = scanFinders(frame, opts.finderScan);
  const found = new Map<string, DecodedCode>();
  const explained = new Set<number>();
  const budget = { failuresLeft: opts.maxFailedAttempts };
  // Boxes ZXing already searched in vain: it looks for finders in the whole crop by itself, so
  // a region lying inside one of them would fail the same way (text and noise make clusters of
  // overlapping ghost triangles; without this each would cost a decode).
  const searched: CodeRegion[] = [];
  const zxingSearches = opts.cropStrategy === 'plain-then-zxing' || opts.cropStrategy === 'zxing';

  /**
   * Regions whose timing patterns check out, most convincing first. They are checked in order
   * of geometric fit, and checking stops after `maxRejectedRegions` failures: a real code's
   * three finders form a near-perfect triangle, texture (photos, dense text) thousands of
   * sloppy ones, while a page of many codes still has every code checked.
   */
  const verified = (regions: CodeRegion[], classify: PixelClassifier): CodeRegion[] => {
    const passed: Array<{ region: CodeRegion; timing: number }> = [];
    let rejected = 0;
    for (const region of [...regions].sort((a, b) => a.score - b.score)) {
      if (rejected >= opts.maxRejectedRegions) break;
      const timing = timingOf(classify, region, opts.minTimingAgreement);
      if (timing >= opts.minTimingAgreement) passed.push({ region, timing });
      else rejected++;
    }
    return passed.sort((a, b) => b.timing - a.timing || a.region.score - b.region.score).map(({ region }) => region);
  };

  /** Finders (of the frame's scan) inside a code read, so no later region uses them. */
  const explain = (code: DecodedCode, slack: number): void => {
    finders.forEach((f, i) => {
      if (insideQuad(f, code.corners, slack)) explained.add(i);
    });
  };

  /** `own`: indexes of the regions' finders that a code read explains (the frame's, or a rescan's). */
  const tryRegions = async (regions: CodeRegion[], own: { list: FinderPattern[]; explained: Set<number> }): Promise<void> => {
    for (const region of regions) {
      if (budget.failuresLeft <= 0) return;
      // A finder inside a code already read belongs to it; a triangle using it is a cross-code ghost.
      if (region.finders.some((i) => own.explained.has(i))) continue;
      if (found.size > 0 && [...found.values()].some((c) => insideQuad(centreOf(region), c.corners, 0))) continue;
      if (searched.some((box) => box.dark === region.dark && mostlyInside(region, box))) continue;
      const result = await decodeRegion(frame, region, budget, opts.cropStrategy);
      if (!result) {
        if (zxingSearches) searched.push(region);
        continue;
      }
      if (!found.has(result.text)) found.set(result.text, result);
      const slack = region.moduleSize * 2;
      explain(result, slack);
      own.list.forEach((f, i) => {
        if (insideQuad(f, result.corners, slack)) own.explained.add(i);
      });
    }
  };

  const frameOwn = { list: finders, explained };
  await tryRegions(verified(findCodeRegions(finders), isDark), frameOwn);
  const leftover = finders.map((_, i) => i).filter((i) => !explained.has(i));
  if (leftover.length >= 2 && leftover.length <= 12)
    await tryRegions(verified(pairRegions(finders, leftover), isDark).slice(0, 4), frameOwn);

  // Finders still unexplained may be one or two eyes of a code whose other eyes the frame's
  // thresholds missed (a pale code beside black text): look again around them with thresholds
  // from their own colours, a few per frame, best-confirmed first; a finder an earlier second
  // look already found again was part of its triangles.
  const seen: FinderPattern[] = [];
  let rescans = 0;
  for (const i of finders.map((_, k) => k).sort((a, b) => finders[b]!.hits - finders[a]!.hits)) {
    if (rescans >= opts.maxRescans || budget.failuresLeft <= 0) break;
    const f = finders[i]!;
    if (explained.has(i) || seen.some((g) => Math.hypot(g.x - f.x, g.y - f.y) <= 2 * f.moduleSize)) continue;
    const local = rescanAround(f);
    if (!local) continue;
    rescans++;
    seen.push(...local.finders);
    const own = { list: local.finders, explained: new Set<number>() };
    await tryRegions(verified(findCodeRegions(local.finders), local.isDark), own);
    const rest = local.finders.map((_, k) => k).filter((k) => !own.explained.has(k));
    if (rest.length >= 2 && rest.length <= 12) await tryRegions(verified(pairRegions(local.finders, rest), local.isDark).slice(0, 4), own);
  }

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

function timingOf(isDark: PixelClassifier, region: CodeRegion, target: number): number {
  let worst = 1;
  for (const t of region.timingLines) {
    worst = Math.min(worst, timingAgreement(isDark, t.p, t.q, t.inward, region.moduleSize, region.dark, target));
    if (worst < target) break;
  }
  return worst;
}

/** Below this many pixels per module, ZXing gets a second, resampled crop (see decodeRegion). */
const SMALL_MODULE_PX = 3;
const ZXING_RESAMPLE: ResampleOptions = { targetPx: 4, windowModules: 3, offset: 0 };

type Attempt = () => DecodedCode | null | Promise<DecodedCode | null>;

async function decodeRegion(
  frame: Frame,
  region: CodeRegion,
  budget: { failuresLeft: number },
  strategy: CropStrategy,
): Promise<DecodedCode | null> {
  const invert = !region.dark;
  const first = scaleForModule(region.moduleSize);
  const attempts: Attempt[] = [];
  const plain: Attempt = () => runJsqr(cropRegion(frame, region, first, invert));
  const resampled: Attempt = () => runJsqr(resampledCrop(frame, region, region.moduleSize, invert));
  // ZXing binarizes and samples for itself: it gets the grey crop at native resolution, first
  // for one quick pass (not counted against the budget: a third of a thorough one), then for
  // the thorough passes.
  let grey: Crop | null = null;
  const greyCrop = (): Crop => (grey ??= cropRegion(frame, region, 1, invert));
  const zxingQuick: Attempt = () => runZxing(greyCrop(), true);
  const zxing: Attempt = () => runZxing(greyCrop());
  // Modules under 3 px with grey edges (smoothed, JPEG): whether ZXing's 8-px binarizer blocks
  // read them depends on where the crop starts. Upsampled to 4 px a module and thresholded
  // against a local mean (crop-resample.ts), it no longer does.
  const zxingResampled: Attempt = () => runZxing(resampledCrop(frame, region, region.moduleSize, invert, ZXING_RESAMPLE));
  const small = region.moduleSize < SMALL_MODULE_PX;
  if (strategy === 'plain') {
    attempts.push(plain);
    if (first > 1) attempts.push(() => runJsqr(cropRegion(frame, region, first - 1, invert)));
    else if (first === 1 && region.moduleSize < 3.2) attempts.push(() => runJsqr(cropRegion(frame, region, 0.5, invert)));
  } else if (strategy === 'plain-then-resampled') {
    attempts.push(plain, resampled);
  } else if (strategy === 'plain-then-zxing') {
    attempts.push(plain, zxingQuick, zxing);
    if (small) attempts.push(zxingResampled);
  } else {
    attempts.push(zxingQuick, zxing);
    if (small) attempts.push(zxingResampled);
  }
  for (const attempt of attempts) {
    if (budget.failuresLeft <= 0) return null;
    const result = await attempt();
    if (result) return result;
    if (attempt !== zxingQuick) budget.failuresLeft--;
  }
  return null;
}

async function runZxing(crop: Crop, quick = false): Promise<DecodedCode | null> {
  const hit = await zxingOnCrop(crop, quick);
  if (!hit) return null;
  const map = (p: Point): Point => ({ x: crop.left + p.x * crop.scale, y: crop.top + p.y * crop.scale });
  const [a, b, c, d] = hit.corners;
  return { text: hit.text, corners: [map(a), map(b), map(c), map(d)] };
}

function runJsqr(crop: Crop): DecodedCode | null {
  // The crop is already inverted when the code is light-on-dark, so one attempt is enough.
  const code = jsQR(crop.data, crop.width, crop.height, { inversionAttempts: 'dontInvert' });
  if (!code || (code.data === '' && code.binaryData.length === 0)) return null;
  const map = (p: Point): Point => ({ x: crop.left + p.x * crop.scale, y: crop.top + p.y * crop.scale });
  const l = code.location;
  return {
    text: code.data,
    corners: [map(l.topLeftCorner), map(l.topRightCorner), map(l.bottomRightCorner), map(l.bottomLeftCorner)],
  };
}

function centreOf(box: CodeRegion): Point {
  return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
}

/** At least 90% of box `a`'s area lies inside box `b`. */
function mostlyInside(a: CodeRegion, b: CodeRegion): boolean {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 && w * h >= 0.9 * (a.right - a.left) * (a.bottom - a.top);
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
