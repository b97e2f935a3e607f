import type { Frame } from './frame';
import { BLOCK_SHIFT, blockThresholds, wordView, type ThresholdGrid } from './threshold-grid';

/**
 * Stage 1 of the pipeline: find QR finder patterns (the three 7x7 "eyes") in a whole frame
 * without decoding anything. Rows are sampled with a stride, each pixel is classified against
 * a local threshold, and the run lengths are matched against the 1:1:3:1:1 ratio, then
 * confirmed by a vertical and a second horizontal cross-check at native resolution (the
 * technique of ZXing's FinderPatternFinder). Both polarities are matched, so light-on-dark
 * codes are found in the same pass. jsQR still does all the decoding; this only says where.
 */

export interface FinderPattern {
  /** Centre in frame pixels. */
  x: number;
  y: number;
  /** Estimated pixels per module. */
  moduleSize: number;
  /** True when the pattern's centre is dark (dark modules on light, the usual polarity). */
  dark: boolean;
  /** How many sampled rows confirmed it: more hits, more trust. */
  hits: number;
}

export interface FinderScanOptions {
  /**
   * Every n-th row is scanned. A finder's centre square is 3 modules tall, so a stride of 3
   * still crosses the centre of a 2-px-module code at least twice.
   */
  rowStep: number;
  /** Below this luminance range a neighbourhood is "flat" and gets the coarser threshold. */
  minContrast: number;
  /** Smallest module size worth reporting: under ~1.5 px jsQR cannot sample the grid anyway. */
  minModuleSize: number;
}

export const DEFAULT_FINDER_SCAN: FinderScanOptions = { rowStep: 3, minContrast: 40, minModuleSize: 1.5 };


export function findFinderPatterns(frame: Frame, options: FinderScanOptions = DEFAULT_FINDER_SCAN): FinderPattern[] {
  const words = wordView(frame.data);
  const grid = blockThresholds(words, frame.width, frame.height, options.minContrast);
  const found: FinderPattern[] = [];
  const check = new CrossChecker(frame, grid);
  const { width, height } = frame;
  const values = grid.values;
  const minModule = options.minModuleSize;
  const minTotal = 7 * minModule;
  const step = Math.max(1, options.rowStep);
  const report = (runs: number[], centreX: number, y: number, centreDark: boolean): void => {
    if (!ratioMatches(runs, minModule)) return;
    const hit = check.confirm(centreX, y, centreDark, runs[0]! + runs[1]! + runs[2]! + runs[3]! + runs[4]!);
    if (hit) merge(found, hit);
  };
  for (let y = step >> 1; y < height; y += step) {
    const rowBase = y * width;
    const thrRow = (y >> BLOCK_SHIFT) * grid.cols;
    let prevDark = false;
    let runStart = 0;
    // The last run lengths, oldest first, in locals: this loop sees millions of pixels.
    let r1 = 0, r2 = 0, r3 = 0, r4 = 0;
    for (let x0 = 0; x0 < width; x0 += 16) {
      const thr = values[thrRow + (x0 >> BLOCK_SHIFT)]!;
      // Flat neighbourhood (threshold 0: all light): no finder here, so only its first pixel
      // matters (it ends a dark run); the run-length arithmetic covers the skipped rest.
      const x1 = thr === 0 ? (prevDark ? x0 + 1 : x0) : Math.min(width, x0 + 16);
      for (let x = x0; x < x1; x++) {
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
        // Cheap rejects first: the centre must be the longest run and the window big enough.
        if (r2 <= r1 || r2 <= r3 || r0 === 0) continue;
        if (r0 + r1 + r2 + r3 + r4 < minTotal) continue;
        report([r0, r1, r2, r3, r4], x - r4 - r3 - r2 / 2, y, !dark);
      }
    }
    // Close the last run too: a finder may end exactly at the right edge of the frame.
    if (r1 > 0) report([r1, r2, r3, r4, width - runStart], width - (width - runStart) - r4 - r3 / 2, y, prevDark);
  }
  return found;
}

function sum(runs: Int32Array): number {
  return runs[0]! + runs[1]! + runs[2]! + runs[3]! + runs[4]!;
}

/** 1:1:3:1:1 with the tolerance ZXing uses (half a module per run). */
export function ratioMatches(runs: ArrayLike<number>, minModuleSize: number): boolean {
  const c0 = runs[0]!;
  const c1 = runs[1]!;
  const c2 = runs[2]!;
  const c3 = runs[3]!;
  const c4 = runs[4]!;
  const total = c0 + c1 + c2 + c3 + c4;
  if (total < 7 * minModuleSize) return false;
  const m = total / 7;
  const v = m / 2;
  return (
    Math.abs(m - c0) < v && Math.abs(m - c1) < v && Math.abs(3 * m - c2) < 3 * v && Math.abs(m - c3) < v && Math.abs(m - c4) < v
  );
}

/** Confirms a row hit on columns and rows of the full-resolution frame. */
class CrossChecker {
  private readonly counts = new Int32Array(5);
  constructor(
    private readonly frame: Frame,
    private readonly grid: ThresholdGrid,
  ) {}

  confirm(rowX: number, rowY: number, centreDark: boolean, rowTotal: number): FinderPattern | null {
    const x0 = Math.floor(rowX);
    const v = this.along(x0, rowY, centreDark, rowTotal, false);
    if (!v) return null;
    const y = Math.floor(v.centre);
    const h = this.along(x0, y, centreDark, rowTotal, true);
    if (!h) return null;
    // Totals must agree: a finder is square, a text glyph that matched one way rarely is.
    if (Math.abs(v.total - h.total) > 0.4 * Math.max(v.total, h.total)) return null;
    return { x: h.centre, y: v.centre, moduleSize: (v.total + h.total) / 14, dark: centreDark, hits: 1 };
  }

  /**
   * Walks out from (x, y) both ways along a column (or row) and checks 1:1:3:1:1 there too.
   * Runs are counted in the order centre, inner gap, outer ring on each side.
   */
  private along(x: number, y: number, centreDark: boolean, expected: number, horizontal: boolean): { centre: number; total: number } | null {
    const { data, width, height } = this.frame;
    const { values, cols } = this.grid;
    const limit = horizontal ? width : height;
    const at = horizontal ? x : y;
    const max = Math.ceil(expected); // no single run may be longer than the whole pattern was
    const c = this.counts;
    c.fill(0);
    // slot order walking away from the centre: up/left fills 2,1,0; down/right fills 2,3,4.
    let centreEnd = at;
    for (const dir of [-1, 1]) {
      let p = dir < 0 ? at : at + 1;
      let slot = 2;
      let want = centreDark;
      while (p >= 0 && p < limit) {
        const px = horizontal ? p : x;
        const py = horizontal ? y : p;
        const i = (py * width + px) * 4;
        const l = (data[i]! + 2 * data[i + 1]! + data[i + 2]!) >> 2;
        const dark = l < values[(py >> BLOCK_SHIFT) * cols + (px >> BLOCK_SHIFT)]!;
        if (dark !== want) {
          if (slot === 0 || slot === 4) break;
          slot += dir;
          want = !want;
        }
        c[slot] = c[slot]! + 1;
        if (c[slot]! > max) return null;
        p += dir;
      }
      // Leaving the frame is fine only in the outer ring (a code flush with the screen border).
      if ((p < 0 || p >= limit) && slot !== 0 && slot !== 4) return null;
      if (dir > 0) centreEnd = p - c[4]! - c[3]!;
    }
    const total = sum(c);
    if (5 * Math.abs(total - expected) >= 2 * expected) return null;
    if (!ratioMatches(c, 1)) return null;
    return { centre: centreEnd - c[2]! / 2, total };
  }
}

/** Rows crossing the same finder report it again: average them into one pattern. */
function merge(found: FinderPattern[], hit: FinderPattern): void {
  for (const f of found) {
    if (f.dark !== hit.dark) continue;
    const near = Math.max(f.moduleSize, hit.moduleSize) * 2;
    if (Math.abs(f.x - hit.x) > near || Math.abs(f.y - hit.y) > near) continue;
    if (Math.abs(f.moduleSize - hit.moduleSize) > 0.5 * Math.max(f.moduleSize, hit.moduleSize)) continue;
    const n = f.hits;
    f.x = (f.x * n + hit.x) / (n + 1);
    f.y = (f.y * n + hit.y) / (n + 1);
    f.moduleSize = (f.moduleSize * n + hit.moduleSize) / (n + 1);
    f.hits = n + 1;
    return;
  }
  found.push(hit);
}
