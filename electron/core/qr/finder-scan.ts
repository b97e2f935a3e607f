import type { Frame } from './frame';
import { BLOCK_SHIFT, blockThresholds, wordView, type ThresholdGrid } from './threshold-grid';
import { CrossChecker, EDGE_QUANTUM, finderRatio, median, merge, type FinderPattern } from './finder-check';

/**
 * Stage 1 of the pipeline: find QR finder patterns (the three 7x7 "eyes") in a whole frame
 * without decoding anything. Rows are sampled with a stride, each pixel is classified against
 * a local threshold, and the run lengths are matched against the 1:1:3:1:1 ratio, then
 * confirmed by a vertical and a second horizontal cross-check at native resolution (the
 * technique of ZXing's FinderPatternFinder). Both polarities are matched, so light-on-dark
 * codes are found in the same pass. The crop decoder (decode.ts) does the decoding; this only says where.
 */

export interface FinderScanOptions {
  /**
   * Every n-th row is scanned. A finder's centre square is 3 modules tall, so a stride of 4
   * still crosses the centre of a 1.5-px-module code (4.5 px) once; one crossing is enough,
   * since regions are found by looking up the third finder, not by ranking finders by hits.
   */
  rowStep: number;
  /**
   * 1 or 2: every pixel of a scanned row, or every other one. At 2 the widest loop halves, but
   * a 1.5-px module rendered as alternating 1- and 2-px runs (SVG paths, smoothed canvases at
   * DSF 1.25/1.5) loses its 1-px light rings and the finder is never seen: the default is 1.
   */
  columnStep: number;
  /** Below this luminance range a neighbourhood is "flat" and gets the coarser threshold. */
  minContrast: number;
  /** Smallest module size worth reporting: under ~1.5 px no decoder here samples the grid reliably. */
  minModuleSize: number;
}

export const DEFAULT_FINDER_SCAN: FinderScanOptions = { rowStep: 4, columnStep: 1, minContrast: 40, minModuleSize: 1.5 };

/** Classifies one frame pixel with the scan's local thresholds (outside the frame: light). */
export type PixelClassifier = (x: number, y: number) => boolean;

export interface FinderScan {
  finders: FinderPattern[];
  isDark: PixelClassifier;
  /**
   * A second look around one finder, for the rest of its code: see `rescanAround`. Null when the
   * scan's thresholds around it already fit the finder's own colours (nothing new to find).
   */
  rescanAround: (finder: FinderPattern) => LocalScan | null;
}

/** Finders found again in a window around one finder, and the classifier that found them. */
export interface LocalScan {
  finders: FinderPattern[];
  isDark: PixelClassifier;
  /** The window looked at, in frame pixels. */
  box: { left: number; top: number; right: number; bottom: number };
}

/**
 * How far the finders next to a finder can be, in modules, at any rotation: a version-40 code
 * has finder centres 170 modules apart, plus half a finder. (The one across the diagonal may be
 * farther; the two beside it make the triangle.)
 */
const CODE_REACH_MODULES = 174;

export function scanFinders(frame: Frame, options: FinderScanOptions = DEFAULT_FINDER_SCAN): FinderScan {
  const words = wordView(frame.data);
  const grid = blockThresholds(words, frame.width, frame.height, options.minContrast);
  const found: FinderPattern[] = [];
  const check = new CrossChecker(frame, words, grid);
  scanRows(frame, words, grid, check, options, found, { left: 0, top: 0, right: frame.width, bottom: frame.height });
  return {
    finders: found,
    isDark: (x, y) => check.isDark(Math.round(x), Math.round(y)),
    rescanAround: (finder) => rescanAround(frame, words, grid, options, finder),
  };
}

/**
 * A pale code beside black text: the block thresholds are midpoints of neighbourhoods that
 * include the text, so they sit below the code's own dark colour and some of its finders read
 * as all light. Given one finder the scan did find, this measures that finder's own dark and
 * light levels, and where the thresholds within reach of the code stray from their midpoint
 * by more than a quarter of its contrast, rescans those stretches of rows with the midpoint
 * instead (the rest of the window would classify as before: nothing new there). The local
 * classifier it returns is the one to check the code's timing patterns with.
 */
function rescanAround(
  frame: Frame,
  words: Uint32Array,
  grid: ThresholdGrid,
  options: FinderScanOptions,
  finder: FinderPattern,
): LocalScan | null {
  const { width, height } = frame;
  const m = finder.moduleSize;
  const lum = (x: number, y: number): number => {
    const xi = Math.min(width - 1, Math.max(0, Math.round(x)));
    const yi = Math.min(height - 1, Math.max(0, Math.round(y)));
    const w = words[yi * width + xi]!;
    return ((w & 0xff) + ((w >>> 7) & 0x1fe) + ((w >>> 16) & 0xff)) >> 2;
  };
  const { x, y } = finder;
  // The 3x3-module centre (its middle and one module each way), the light ring 2 modules out
  // and the dark ring 3 out, in both directions of both axes.
  const centreSamples = [lum(x, y), lum(x - m, y), lum(x + m, y), lum(x, y - m), lum(x, y + m)];
  const ringSamples = [lum(x - 2 * m, y), lum(x + 2 * m, y), lum(x, y - 2 * m), lum(x, y + 2 * m)];
  const outerSamples = [lum(x - 3 * m, y), lum(x + 3 * m, y), lum(x, y - 3 * m), lum(x, y + 3 * m)];
  // Medians: the centre estimate is off by a pixel or so, and a sample may land on an edge.
  const centre = median(centreSamples);
  const ring = median(ringSamples);
  const contrast = Math.abs(centre - ring);
  if (contrast < options.minContrast) return null;
  const mid = Math.round((centre + ring) / 2);
  // Levels of a real finder: text that matched 1:1:3:1:1 (an "@", a "0") rarely has clean rings.
  const centreSide = (l: number): boolean => l < mid === centre < mid;
  const wrong =
    centreSamples.filter((l) => !centreSide(l)).length +
    ringSamples.filter((l) => centreSide(l)).length +
    outerSamples.filter((l) => !centreSide(l)).length;
  if (wrong > 0) return null;
  const tolerance = contrast / 4;
  const dark = Math.min(centre, ring);
  const light = Math.max(centre, ring);
  const reach = CODE_REACH_MODULES * m;
  const box = {
    left: Math.max(0, Math.floor(x - reach)),
    top: Math.max(0, Math.floor(y - reach)),
    right: Math.min(width, Math.ceil(x + reach)),
    bottom: Math.min(height, Math.ceil(y + reach)),
  };
  const { cols, values } = grid;
  const bx0 = box.left >> BLOCK_SHIFT;
  const bx1 = (box.right - 1) >> BLOCK_SHIFT;
  const by0 = box.top >> BLOCK_SHIFT;
  const by1 = (box.bottom - 1) >> BLOCK_SHIFT;
  let local: Uint8Array | null = null;
  for (let by = by0; by <= by1; by++) {
    for (let bx = bx0; bx <= bx1; bx++) {
      const b = by * cols + bx;
      const t = values[b]!;
      // 0 is a flat neighbourhood (no finder there); leave it skipped.
      if (t === 0 || Math.abs(t - mid) <= tolerance) continue;
      // Only colours outside the code's own range (black text beside a grey code) move a
      // threshold off a code of these colours; a finder as contrasty as its surroundings (an
      // icon on a page) was read right by the scan, and so would the rest of its code be.
      if (grid.low[b]! >= dark - tolerance && grid.high[b]! <= light + tolerance) continue;
      local ??= values.slice();
      local[b] = mid;
    }
  }
  if (!local) return null;
  const localGrid: ThresholdGrid = { ...grid, values: local };
  const check = new CrossChecker(frame, words, localGrid);
  // The finder itself belongs to the code: its blocks may be unchanged and so not rescanned.
  const found: FinderPattern[] = [{ ...finder }];
  // Rows through a changed block or near one: a finder is 7 modules across, and the row, its
  // column cross-check or its ring may be all that crosses a changed block.
  const margin = Math.ceil((7 * m) / 16) + 1;
  const rowsN = by1 - by0 + 1;
  const colsN = bx1 - bx0 + 1;
  const near = new Uint8Array(rowsN * colsN);
  for (let by = by0; by <= by1; by++) {
    for (let bx = bx0; bx <= bx1; bx++) {
      if (local[by * cols + bx] === values[by * cols + bx]) continue;
      for (let ry = Math.max(0, by - by0 - margin); ry <= Math.min(rowsN - 1, by - by0 + margin); ry++) {
        near.fill(1, ry * colsN + Math.max(0, bx - bx0 - margin), ry * colsN + Math.min(colsN, bx - bx0 + margin + 1));
      }
    }
  }
  for (let ry = 0; ry < rowsN; ry++) {
    let rx = 0;
    while (rx < colsN) {
      if (!near[ry * colsN + rx]) {
        rx++;
        continue;
      }
      let end = rx;
      while (end + 1 < colsN && near[ry * colsN + end + 1]) end++;
      const stretch = {
        left: Math.max(box.left, (bx0 + rx) << BLOCK_SHIFT),
        right: Math.min(box.right, (bx0 + end + 1) << BLOCK_SHIFT),
        top: Math.max(box.top, (by0 + ry) << BLOCK_SHIFT),
        bottom: Math.min(box.bottom, (by0 + ry + 1) << BLOCK_SHIFT),
      };
      scanRows(frame, words, localGrid, check, options, found, stretch);
      rx = end + 1;
    }
  }
  return { finders: found, isDark: (px, py) => check.isDark(Math.round(px), Math.round(py)), box };
}

/** The row scan over one box of the frame (the whole frame, or a stretch of a rescan). */
function scanRows(
  frame: Frame,
  words: Uint32Array,
  grid: ThresholdGrid,
  check: CrossChecker,
  options: FinderScanOptions,
  found: FinderPattern[],
  box: { left: number; top: number; right: number; bottom: number },
): void {
  const values = grid.values;
  const width = frame.width;
  const minModule = options.minModuleSize;
  const minTotal = 7 * minModule;
  const minFinal = 0.9 * minModule;
  const step = Math.max(1, options.rowStep);
  const xStep = Math.max(1, Math.min(2, options.columnStep));
  // A run is known to a sampling step, and an anti-aliased module edge (a half-covered pixel)
  // adds or removes a pixel at each end: seamed SVG rects at 2 px read 3:1:7:1:3.
  const quantum = Math.max(xStep, EDGE_QUANTUM);
  const report = (c0: number, c1: number, c2: number, c3: number, c4: number, centreX: number, y: number, centreDark: boolean): void => {
    if (!finderRatio(c0, c1, c2, c3, c4, minModule, quantum)) return;
    const total = c0 + c1 + c2 + c3 + c4;
    // Text matches 1:1:3:1:1 along a row all the time; its strokes are rarely 3 modules tall.
    if (!check.centreIsTall(Math.floor(centreX), y, centreDark, total)) return;
    const hit = check.confirm(centreX, y, centreDark, total);
    // The cross-checks allow a pixel of anti-aliasing per run end, so they can shrink a
    // pattern below what the row measured: noise makes many such 1-px "finders".
    if (hit && hit.moduleSize >= minFinal) merge(found, hit);
  };
  // Rows on the same lattice as the whole-frame scan (step / 2, then every step-th).
  const firstRow = (step >> 1) + Math.ceil(Math.max(0, box.top - (step >> 1)) / step) * step;
  const right = box.right;
  for (let y = firstRow; y < box.bottom; y += step) {
    const rowBase = y * width;
    const thrRow = (y >> BLOCK_SHIFT) * grid.cols;
    let prevDark = false;
    let runStart = box.left;
    // The last run lengths, oldest first, in locals: this loop sees millions of pixels.
    let r1 = 0,
      r2 = 0,
      r3 = 0,
      r4 = 0;
    for (let x0 = box.left; x0 < right; x0 = (x0 & ~15) + 16) {
      const thr = values[thrRow + (x0 >> BLOCK_SHIFT)]!;
      // Flat neighbourhood (threshold 0: all light): no finder here, so only its first pixel
      // matters (it ends a dark run); the run-length arithmetic covers the skipped rest.
      const x1 = thr === 0 ? (prevDark ? x0 + 1 : x0) : Math.min(right, (x0 & ~15) + 16);
      for (let x = x0; x < x1; x += xStep) {
        const w = words[rowBase + x]!;
        const dark = ((w & 0xff) + ((w >>> 7) & 0x1fe) + ((w >>> 16) & 0xff)) >> 2 < thr;
        if (dark === prevDark) continue;
        // A run [runStart, x) of colour prevDark just ended; the window's centre run (r2) has
        // that colour too, since runs alternate and five is odd.
        const r0 = r1;
        r1 = r2;
        r2 = r3;
        r3 = r4;
        r4 = x - runStart;
        runStart = x;
        prevDark = dark;
        // Cheap rejects first: the centre run 1.5x its neighbours at least, the window big enough.
        if (2 * r2 < 3 * r1 || 2 * r2 < 3 * r3 || r0 === 0) continue;
        if (r0 + r1 + r2 + r3 + r4 < minTotal) continue;
        report(r0, r1, r2, r3, r4, x - r4 - r3 - r2 / 2, y, !dark);
      }
    }
    // Close the last run too: a finder may end exactly at the right edge of the frame.
    if (r1 > 0) report(r1, r2, r3, r4, right - runStart, runStart - r4 - r3 / 2, y, prevDark);
  }
}
