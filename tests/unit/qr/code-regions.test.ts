import { describe, expect, it } from 'vitest';
import { findCodeRegions } from '../../../electron/core/qr/code-regions';
import type { FinderPattern } from '../../../electron/core/qr/finder-check';
import { seededRandom } from '../../../bench/synthetic-frames';

const finder = (x: number, y: number, moduleSize: number, hits: number): FinderPattern => ({ x, y, moduleSize, dark: true, hits });

describe('findCodeRegions', () => {
  it("finds a small code's triangle among a hundred better-confirmed look-alikes (a 4K docs page)", () => {
    // Text and icons: finder-like spots confirmed by several rows each, none forming a code.
    const rnd = seededRandom(5);
    const clutter = Array.from({ length: 100 }, () => finder(Math.round(rnd() * 3800), Math.round(rnd() * 2100), 2 + rnd(), 3));
    // A 1.5-px code (version 8, centres 42 modules apart): each finder crossed by one scanned row.
    const code = [finder(2263.5, 1048.5, 1.57, 1), finder(2326.5, 1048.5, 1.57, 1), finder(2263.5, 1111.5, 1.57, 1)];
    const finders = [...clutter, ...code];
    const regions = findCodeRegions(finders);
    const ids = [100, 101, 102];
    const hit = regions.find((r) => ids.every((i) => r.finders.includes(i)));
    expect(hit).toMatchObject({ left: 2250, top: 1035, dark: true });
    // The corner finder comes first: its timing lines run from it to the other two.
    expect(hit!.timingLines.map((t) => t.p)).toEqual([code[0], code[0]]);
  });

  it('finds each triangle once, whichever finder order the scan reported', () => {
    const a = finder(100, 100, 3, 2);
    const b = finder(200, 100, 3, 2);
    const c = finder(100, 200, 3, 2);
    for (const order of [
      [a, b, c],
      [c, a, b],
      [b, c, a],
    ]) {
      const regions = findCodeRegions(order);
      expect(regions).toHaveLength(1);
      expect(regions[0]!.timingLines[0]!.p).toBe(a);
    }
  });

  it('pairs only finders of about the same size', () => {
    expect(findCodeRegions([finder(100, 100, 3, 2), finder(200, 100, 3, 2), finder(100, 200, 4.5, 2)])).toEqual([]);
  });
});
