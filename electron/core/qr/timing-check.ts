import type { Point } from './code-regions';
import type { PixelClassifier } from './finder-scan';

/**
 * Cheap proof that three (or two) finder patterns belong to one QR code, before paying for a
 * jsQR call: every code has timing patterns, a line of alternating modules between the
 * finders, 3 modules inside the line through their centres. Sampling those module centres
 * costs a few dozen pixel reads; random texture, text and triangles made of finders from two
 * different codes alternate about half the time, a real code nearly always.
 */

/** Misses beyond a line's share (1 - target) that any prefix of it may have. */
const PREFIX_SLACK = 3;

/**
 * Fraction of timing modules with the expected colour on the line from `p` to `q`, 0..1.
 * With `target`, a candidate line is dropped as soon as it cannot reach it (random texture
 * fails within a few samples), so the result is exact only when it is at least `target`.
 */
export function timingAgreement(
  isDark: PixelClassifier,
  p: Point,
  q: Point,
  inward: Point,
  moduleSize: number,
  codeDark: boolean,
  target = 0,
): number {
  const d = Math.hypot(q.x - p.x, q.y - p.y);
  const n = Math.hypot(inward.x, inward.y) || 1;
  const nx = inward.x / n;
  const ny = inward.y / n;
  // Centre-to-centre distance is N - 7 modules with N = 17 + 4 * version: try the nearest sizes.
  const estimate = Math.round((d / moduleSize - 14) / 4) * 4 + 14;
  const ux = (q.x - p.x) / d;
  const uy = (q.y - p.y) / d;
  let best = 0;
  for (const span of [estimate, estimate - 4, estimate + 4]) {
    if (span < 14 || span > 170) continue;
    const pitch = d / span;
    // Finder centres are estimated to about a pixel; at 2-3 px per module that is enough to
    // sample the neighbouring module, so also try the line shifted by a pixel each way.
    for (const along of [0, -1, 1]) {
      for (const across of [0, -1, 1]) {
        const ox = p.x + nx * (3 * pitch + across) + ux * along;
        const oy = p.y + ny * (3 * pitch + across) + uy * along;
        let match = 0;
        let count = 0;
        const total = span - 9;
        // Mismatches this line may have and still reach the target (and beat the best so far).
        const need = Math.max(target, best);
        const allowed = total - need * Math.max(total, 7);
        // Timing modules sit at columns 8..N-9, i.e. 5..span-5 modules from p's centre
        // (column 3); a module is dark at even columns, i.e. odd offsets.
        for (let k = 5; k <= span - 5; k++) {
          const wantDark = k % 2 === 1;
          if (isDark(ox + ux * k * pitch, oy + uy * k * pitch) === (codeDark ? wantDark : !wantDark)) match++;
          count++;
          const missed = count - match;
          // Sequential test: a line that will reach the target has at most its share of misses
          // in any prefix, give or take PREFIX_SLACK. Texture and blank page between finder-like
          // icons miss every other module and so stop after a dozen samples, not after a share
          // of the whole (long) line.
          if (missed > allowed || missed > PREFIX_SLACK + (1 - need) * count) break;
        }
        if (count < total) continue;
        // Short lines (versions 1-2: 5 or 9 modules) agree by chance too easily: weigh them down.
        best = Math.max(best, match / Math.max(count, 7));
        if (best === 1) return 1;
      }
    }
  }
  return best;
}
