import type { Frame } from './frame';
import { BLOCK_SHIFT, type ThresholdGrid } from './threshold-grid';

/**
 * The finder scan's checks of one candidate (finder-scan.ts finds the candidates): the 1:1:3:1:1
 * ratio, the cross-checks on columns and rows at full resolution, and the merge of rows that
 * report the same finder.
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

/**
 * 1:1:3:1:1 within half a module per run (ZXing's tolerance), but at least one `quantum` (the
 * sampling step): at 2 px per module, rounding a scaled rendering alone moves an edge by one.
 */
export function finderRatio(c0: number, c1: number, c2: number, c3: number, c4: number, minModuleSize: number, quantum = 1): boolean {
  const total = c0 + c1 + c2 + c3 + c4;
  if (total < 7 * minModuleSize) return false;
  const m = total / 7;
  const v = Math.max(m / 2, quantum + 0.01);
  return Math.abs(m - c0) < v && Math.abs(m - c1) < v && Math.abs(3 * m - c2) < 3 * v && Math.abs(m - c3) < v && Math.abs(m - c4) < v;
}

/** Run-length slack of the full-resolution cross-checks, in pixels (see `along`). */
export const EDGE_QUANTUM = 1.51;

/** Confirms a row hit on columns and rows of the full-resolution frame. */
export class CrossChecker {
  constructor(
    private readonly frame: Frame,
    private readonly words: Uint32Array,
    private readonly grid: ThresholdGrid,
  ) {}

  isDark(x: number, y: number): boolean {
    const { width, height } = this.frame;
    if (x < 0 || y < 0 || x >= width || y >= height) return false;
    const w = this.words[y * width + x]!;
    const { values, cols } = this.grid;
    return ((w & 0xff) + ((w >>> 7) & 0x1fe) + ((w >>> 16) & 0xff)) >> 2 < values[(y >> BLOCK_SHIFT) * cols + (x >> BLOCK_SHIFT)]!;
  }

  /** Quick vertical probe: is the centre run about 3 modules tall at this column? */
  centreIsTall(x: number, y: number, centreDark: boolean, expected: number): boolean {
    const { width, height } = this.frame;
    const { values, cols } = this.grid;
    const words = this.words;
    const m = expected / 7;
    const v = 3 * Math.max(m / 2, 1.01);
    const limit = 3 * m + v;
    const colBlock = x >> BLOCK_SHIFT;
    let n = 0;
    for (let yy = y; yy >= 0 && n < limit; yy--, n++) {
      const w = words[yy * width + x]!;
      if (((w & 0xff) + ((w >>> 7) & 0x1fe) + ((w >>> 16) & 0xff)) >> 2 < values[(yy >> BLOCK_SHIFT) * cols + colBlock]! !== centreDark)
        break;
    }
    for (let yy = y + 1; yy < height && n < limit; yy++, n++) {
      const w = words[yy * width + x]!;
      if (((w & 0xff) + ((w >>> 7) & 0x1fe) + ((w >>> 16) & 0xff)) >> 2 < values[(yy >> BLOCK_SHIFT) * cols + colBlock]! !== centreDark)
        break;
    }
    return Math.abs(n - 3 * m) < v;
  }

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
   * The centre run is measured first and checked against the row's estimate, so the many
   * text strokes that matched on the row are rejected after a handful of pixels.
   */
  private along(
    x: number,
    y: number,
    centreDark: boolean,
    expected: number,
    horizontal: boolean,
  ): { centre: number; total: number } | null {
    const limit = horizontal ? this.frame.width : this.frame.height;
    const fixed = horizontal ? y : x;
    const at = horizontal ? x : y;
    const max = Math.ceil(expected); // no single run may be longer than the whole pattern was
    const m = expected / 7;
    // Anti-aliased module edges (fractional SVG/canvas positions) put half-covered pixels
    // on one side of the threshold, so each run can be off by a pixel at each end.
    const v = Math.max(m / 2, EDGE_QUANTUM);
    const up = this.run(horizontal, fixed, at, -1, centreDark, max);
    const down = this.run(horizontal, fixed, at + 1, 1, centreDark, max);
    const c2 = up + down;
    if (Math.abs(c2 - 3 * m) >= 3 * v) return null;
    // Inner rings: must end inside the frame (an outer ring follows them).
    const p1 = at - up;
    const p3 = at + 1 + down;
    if (p1 < 0 || p3 >= limit) return null;
    const c1 = this.run(horizontal, fixed, p1, -1, !centreDark, max);
    const c3 = this.run(horizontal, fixed, p3, 1, !centreDark, max);
    if (Math.abs(c1 - m) >= v || Math.abs(c3 - m) >= v || p1 - c1 < 0 || p3 + c3 >= limit) return null;
    // Outer rings may be cut by the frame edge (a code flush with the screen border).
    const c0 = this.run(horizontal, fixed, p1 - c1, -1, centreDark, max);
    const c4 = this.run(horizontal, fixed, p3 + c3, 1, centreDark, max);
    const total = c0 + c1 + c2 + c3 + c4;
    if (5 * Math.abs(total - expected) >= 2 * expected) return null;
    if (!finderRatio(c0, c1, c2, c3, c4, 1, EDGE_QUANTUM)) return null;
    return { centre: p3 - c2 / 2, total };
  }

  /** Pixels of colour `want` from position p stepping by dir (at most max + 1). */
  private run(horizontal: boolean, fixed: number, p: number, dir: number, want: boolean, max: number): number {
    const { width, height } = this.frame;
    const words = this.words;
    const { values, cols } = this.grid;
    const limit = horizontal ? width : height;
    let n = 0;
    while (p >= 0 && p < limit && n <= max) {
      const px = horizontal ? p : fixed;
      const py = horizontal ? fixed : p;
      const w = words[py * width + px]!;
      const dark =
        ((w & 0xff) + ((w >>> 7) & 0x1fe) + ((w >>> 16) & 0xff)) >> 2 < values[(py >> BLOCK_SHIFT) * cols + (px >> BLOCK_SHIFT)]!;
      if (dark !== want) break;
      n++;
      p += dir;
    }
    return n;
  }
}

export function median(values: number[]): number {
  const v = values.sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** Rows crossing the same finder report it again: average them into one pattern. */
export function merge(found: FinderPattern[], hit: FinderPattern): void {
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
