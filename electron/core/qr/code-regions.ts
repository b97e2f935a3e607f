import type { FinderPattern } from './finder-check';

/**
 * Stage 2: turn finder patterns into places where a QR code probably is. A code has three
 * finders of one size and polarity forming a right isosceles triangle (the corner finder at
 * the right angle); triples that fit are ranked by how well they fit. Several codes in a frame
 * give several triples; a stray pattern in UI chrome rarely completes one.
 */

export interface Point {
  x: number;
  y: number;
}

export interface CodeRegion {
  /** Axis-aligned box to crop, in frame pixels (may reach outside the frame: pad there). */
  left: number;
  top: number;
  right: number;
  bottom: number;
  moduleSize: number;
  /** Polarity of the finders: false for light-on-dark codes, which are inverted before decoding. */
  dark: boolean;
  /** Indexes into the finder list, to skip regions whose finders a decoded code already explains. */
  finders: number[];
  /** 0 is a perfect triangle; only for ordering. */
  score: number;
  /** Where the code's timing patterns must be, to verify the region before decoding it. */
  timingLines: TimingLine[];
}

/** From finder centre `p` to finder centre `q`; the timing pattern is 3 modules towards `inward`. */
export interface TimingLine {
  p: Point;
  q: Point;
  inward: Point;
}

export interface RegionOptions {
  /**
   * Most finders per polarity considered, most-confirmed first. Triangles are found by looking
   * up the third finder where two imply it (not by trying every triple), so this can be large:
   * text and icons on a 4K page make a hundred or more finder-like spots, and a 1.5-px code's
   * finders are crossed by a single scanned row, so they rank last by hits.
   */
  maxFinders: number;
  /** Pixels of margin around the finder centres, in modules: 3.5 to the symbol edge plus quiet zone. */
  marginModules: number;
}

export const DEFAULT_REGION_OPTIONS: RegionOptions = { maxFinders: 128, marginModules: 8 };

/** Version 1 puts finder centres 14 modules apart, version 40 170; allow for estimate error. */
const MIN_LEG_MODULES = 10;
const MAX_LEG_MODULES = 190;

export function findCodeRegions(finders: FinderPattern[], options: RegionOptions = DEFAULT_REGION_OPTIONS): CodeRegion[] {
  const regions: CodeRegion[] = [];
  for (const dark of [true, false]) {
    const pool = finders
      .map((f, index) => ({ f, index }))
      .filter(({ f }) => f.dark === dark)
      .sort((a, b) => b.f.hits - a.f.hits)
      .slice(0, options.maxFinders);
    const grid = new SpatialGrid(pool.map(({ f }) => f));
    // Every triangle has a corner `a` (the right angle) and legs a->b, a->c with c near a + the
    // leg a->b turned by 90 degrees. Looking c up costs one grid probe per (corner, leg) pair;
    // taking only b < c at the true corner finds each triangle once.
    for (let i = 0; i < pool.length; i++) {
      const a = pool[i]!.f;
      for (let j = 0; j < pool.length; j++) {
        if (j === i) continue;
        const b = pool[j]!.f;
        if (!similarSize(a, b)) continue;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const leg = Math.hypot(dx, dy);
        const m = (a.moduleSize + b.moduleSize) / 2;
        if (leg < MIN_LEG_MODULES * m || leg > MAX_LEG_MODULES * m) continue;
        for (const turn of [1, -1]) {
          // triangleRegion accepts legs within 20% of each other and ~8 degrees off square.
          for (const k of grid.near(a.x - dy * turn, a.y + dx * turn, 0.3 * leg)) {
            if (k <= j || k === i || !similarSize(a, pool[k]!.f) || !similarSize(b, pool[k]!.f)) continue;
            const region = triangleRegion([a, b, pool[k]!.f], options.marginModules);
            if (region && region.corner === a) {
              const { corner: _corner, ...rest } = region;
              regions.push({ ...rest, dark, finders: [pool[i]!.index, pool[j]!.index, pool[k]!.index] });
            }
          }
        }
      }
    }
  }
  return regions.sort((a, b) => a.score - b.score);
}

/** The three finders of a code measure within a few percent of each other; allow 30% for blur and JPEG. */
function similarSize(a: FinderPattern, b: FinderPattern): boolean {
  return Math.max(a.moduleSize, b.moduleSize) <= 1.3 * Math.min(a.moduleSize, b.moduleSize);
}

/** Finder indexes bucketed by position, for "which finders are near this point". */
class SpatialGrid {
  private readonly cell = 64;
  private readonly buckets = new Map<number, number[]>();

  constructor(private readonly points: Point[]) {
    points.forEach((p, i) => {
      const key = this.key(Math.floor(p.x / this.cell), Math.floor(p.y / this.cell));
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(i);
      else this.buckets.set(key, [i]);
    });
  }

  private key(cx: number, cy: number): number {
    return (cy + 1024) * 4096 + (cx + 1024);
  }

  /** Indexes of the points within `radius` of (x, y). */
  near(x: number, y: number, radius: number): number[] {
    const out: number[] = [];
    const c0 = Math.floor((x - radius) / this.cell);
    const c1 = Math.floor((x + radius) / this.cell);
    const r0 = Math.floor((y - radius) / this.cell);
    const r1 = Math.floor((y + radius) / this.cell);
    // A huge radius (a version-40 code's leg) on a sparse frame: scanning the list is cheaper.
    if ((c1 - c0 + 1) * (r1 - r0 + 1) > this.points.length) {
      this.points.forEach((p, i) => {
        if ((p.x - x) ** 2 + (p.y - y) ** 2 <= radius * radius) out.push(i);
      });
      return out;
    }
    for (let cy = r0; cy <= r1; cy++) {
      for (let cx = c0; cx <= c1; cx++) {
        for (const i of this.buckets.get(this.key(cx, cy)) ?? []) {
          const p = this.points[i]!;
          if ((p.x - x) ** 2 + (p.y - y) ** 2 <= radius * radius) out.push(i);
        }
      }
    }
    return out;
  }
}

function triangleRegion(
  t: [FinderPattern, FinderPattern, FinderPattern],
  margin: number,
): (Omit<CodeRegion, 'dark' | 'finders'> & { corner: FinderPattern }) | null {
  const sizes = t.map((f) => f.moduleSize);
  const mMin = Math.min(...sizes);
  const mMax = Math.max(...sizes);
  if (mMax > 1.3 * mMin) return null;
  const m = (sizes[0]! + sizes[1]! + sizes[2]!) / 3;
  const [p, q, r] = t;
  const d2 = (u: Point, v: Point): number => (u.x - v.x) ** 2 + (u.y - v.y) ** 2;
  // The corner finder sits opposite the longest side.
  const sides = [
    { corner: p, a: q, b: r, hyp: d2(q, r) },
    { corner: q, a: p, b: r, hyp: d2(p, r) },
    { corner: r, a: p, b: q, hyp: d2(p, q) },
  ].sort((u, v) => v.hyp - u.hyp);
  const { corner, a, b, hyp } = sides[0]!;
  const la = Math.sqrt(d2(corner, a));
  const lb = Math.sqrt(d2(corner, b));
  const legRatio = Math.max(la, lb) / Math.min(la, lb);
  if (legRatio > 1.2) return null;
  const angleError = Math.abs(hyp - la * la - lb * lb) / hyp; // 0 at exactly 90 degrees
  if (angleError > 0.15) return null;
  const legModules = (la + lb) / 2 / m;
  if (legModules < MIN_LEG_MODULES || legModules > MAX_LEG_MODULES) return null;
  const toA = { x: a.x - corner.x, y: a.y - corner.y };
  const toB = { x: b.x - corner.x, y: b.y - corner.y };
  return {
    ...squareBox(corner, a, b, margin * m),
    moduleSize: m,
    corner,
    score: legRatio - 1 + angleError,
    timingLines: [
      { p: corner, q: a, inward: toB },
      { p: corner, q: b, inward: toA },
    ],
  };
}

/** Bounding box of the square with corners `corner`, `a`, `b` and the fourth one, plus `pad`. */
function squareBox(corner: Point, a: Point, b: Point, pad: number): Pick<CodeRegion, 'left' | 'top' | 'right' | 'bottom'> {
  const xs = [corner.x, a.x, b.x, a.x + b.x - corner.x];
  const ys = [corner.y, a.y, b.y, a.y + b.y - corner.y];
  return {
    left: Math.floor(Math.min(...xs) - pad),
    top: Math.floor(Math.min(...ys) - pad),
    right: Math.ceil(Math.max(...xs) + pad),
    bottom: Math.ceil(Math.max(...ys) + pad),
  };
}

/**
 * For finders no triangle explained (the third eye was missed by the scan): two finders of one
 * size may be two corners along one side of a code; the code is the square on one side of
 * them, and the timing check tells which (the crop decoder then finds all three eyes in the crop).
 */
export function pairRegions(
  finders: FinderPattern[],
  unexplained: number[],
  options: RegionOptions = DEFAULT_REGION_OPTIONS,
): CodeRegion[] {
  const out: CodeRegion[] = [];
  for (let i = 0; i < unexplained.length; i++) {
    for (let j = i + 1; j < unexplained.length; j++) {
      const p = finders[unexplained[i]!]!;
      const q = finders[unexplained[j]!]!;
      if (p.dark !== q.dark) continue;
      if (Math.max(p.moduleSize, q.moduleSize) > 1.5 * Math.min(p.moduleSize, q.moduleSize)) continue;
      const m = (p.moduleSize + q.moduleSize) / 2;
      const dist = Math.hypot(p.x - q.x, p.y - q.y);
      if (dist / m < MIN_LEG_MODULES || dist / m > MAX_LEG_MODULES) continue;
      for (const side of [1, -1]) {
        const inward = { x: -(q.y - p.y) * side, y: (q.x - p.x) * side };
        const c = { x: p.x + inward.x, y: p.y + inward.y };
        out.push({
          ...squareBox(p, q, c, options.marginModules * m),
          moduleSize: m,
          dark: p.dark,
          finders: [unexplained[i]!, unexplained[j]!],
          score: 1,
          timingLines: [{ p, q, inward }],
        });
      }
    }
  }
  return out;
}
