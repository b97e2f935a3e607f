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
  // The fourth corner (no finder there) completes the square.
  const d = { x: a.x + b.x - corner.x, y: a.y + b.y - corner.y };
  const xs = [corner.x, a.x, b.x, d.x];
  const ys = [corner.y, a.y, b.y, d.y];
  const pad = margin * m;
  return {
    left: Math.floor(Math.min(...xs) - pad),
    top: Math.floor(Math.min(...ys) - pad),
    right: Math.ceil(Math.max(...xs) + pad),
    bottom: Math.ceil(Math.max(...ys) + pad),
    moduleSize: m,
    score: legRatio - 1 + angleError,
  };
}

/**
 * For finders no triple explained (one eye hidden under the mouse pointer, or missed): a box
 * around a pair that could be two corners of one code, large enough for either side of it.
 */
export function pairRegions(finders: FinderPattern[], unexplained: number[], options: RegionOptions = DEFAULT_REGION_OPTIONS): CodeRegion[] {
  const out: CodeRegion[] = [];
  for (let i = 0; i < unexplained.length; i++) {
    for (let j = i + 1; j < unexplained.length; j++) {
      const a = finders[unexplained[i]!]!;
      const b = finders[unexplained[j]!]!;
      if (a.dark !== b.dark) continue;
      if (Math.max(a.moduleSize, b.moduleSize) > 1.5 * Math.min(a.moduleSize, b.moduleSize)) continue;
      const m = (a.moduleSize + b.moduleSize) / 2;
      const dist = Math.hypot(a.x - b.x, a.y - b.y);
      if (dist / m < MIN_LEG_MODULES || dist / m > MAX_LEG_MODULES * Math.SQRT2) continue;
      const reach = dist + options.marginModules * m;
      out.push({
        left: Math.floor(Math.min(a.x, b.x) - reach),
        top: Math.floor(Math.min(a.y, b.y) - reach),
        right: Math.ceil(Math.max(a.x, b.x) + reach),
        bottom: Math.ceil(Math.max(a.y, b.y) + reach),
        moduleSize: m,
        dark: a.dark,
        finders: [unexplained[i]!, unexplained[j]!],
        score: 1 + dist / m / 1000,
      });
    }
  }
  return out.sort((u, v) => u.score - v.score);
}
