import type { FinderPattern } from './finder-scan';

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
  /** Polarity of the finders: false for light-on-dark codes, which are inverted before jsQR. */
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
  /** Most finders per polarity considered; triples grow with the cube of it. */
  maxFinders: number;
  /** Pixels of margin around the finder centres, in modules: 3.5 to the symbol edge plus quiet zone. */
  marginModules: number;
}

export const DEFAULT_REGION_OPTIONS: RegionOptions = { maxFinders: 48, marginModules: 8 };

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
    for (let i = 0; i < pool.length; i++) {
      for (let j = i + 1; j < pool.length; j++) {
        for (let k = j + 1; k < pool.length; k++) {
          const a = pool[i];
          const b = pool[j];
          const c = pool[k];
          if (!a || !b || !c) continue;
          const region = triangleRegion([a.f, b.f, c.f], options.marginModules);
          if (region) regions.push({ ...region, dark, finders: [a.index, b.index, c.index] });
        }
      }
    }
  }
  return regions.sort((a, b) => a.score - b.score);
}

function triangleRegion(t: [FinderPattern, FinderPattern, FinderPattern], margin: number): Omit<CodeRegion, 'dark' | 'finders'> | null {
  const sizes = t.map((f) => f.moduleSize);
  const mMin = Math.min(...sizes);
  const mMax = Math.max(...sizes);
  if (mMax > 1.5 * mMin) return null;
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
 * them, and the timing check tells which (jsQR then finds all three eyes in the crop).
 */
export function pairRegions(finders: FinderPattern[], unexplained: number[], options: RegionOptions = DEFAULT_REGION_OPTIONS): CodeRegion[] {
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
