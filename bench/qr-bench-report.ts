/**
 * The summary of `npm run bench:qr`: per scene set and resolution, the medians of the pipeline,
 * naive jsQR and zxing-wasm, what each found, the slowest frame, what frames without a code
 * cost against the finder scan alone, and a PASS/FAIL line per target.
 */

export interface Measured {
  set: string;
  size: string;
  name: string;
  /** Payloads on the frame. */
  placed: string[];
  pipeline: { ms: number; found: string[] };
  finderScanMs: number;
  naive: { ms: number; found: string[] };
  zxing: { ms: number; found: string[] };
}

export const TARGETS = {
  /** zxing-wasm median / pipeline median, per resolution. */
  vsZxing: 3,
  /** Slowest frame / median of its resolution. */
  worstOverMedian: 3,
  /** A frame without a code: pipeline / finder scan alone. */
  emptyOverScan: 1.5,
  /** Synthetic set only (the first targets of the pipeline). */
  vsNaive: 10,
  fourKMs: 60,
  twoMonitorsMs: 120,
};

export function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;

/** Codes found out of those placed, and how many of zxing's the pipeline missed. */
function counts(rows: Measured[]): {
  placed: number;
  pipeline: number;
  naive: number;
  zxing: number;
  missedZxing: string[];
  wrong: string[];
} {
  const out = { placed: 0, pipeline: 0, naive: 0, zxing: 0, missedZxing: [] as string[], wrong: [] as string[] };
  for (const r of rows) {
    out.placed += r.placed.length;
    out.pipeline += r.placed.filter((t) => r.pipeline.found.includes(t)).length;
    out.naive += r.placed.filter((t) => r.naive.found.includes(t)).length;
    out.zxing += r.placed.filter((t) => r.zxing.found.includes(t)).length;
    for (const t of r.zxing.found) if (!r.pipeline.found.includes(t)) out.missedZxing.push(r.name);
    for (const t of r.pipeline.found) if (!r.placed.includes(t)) out.wrong.push(r.name);
  }
  return out;
}

export function report(all: Measured[]): number {
  const verdicts: string[] = [];
  const verdict = (ok: boolean, text: string): void => void verdicts.push(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
  for (const set of [...new Set(all.map((r) => r.set))]) {
    const rows = all.filter((r) => r.set === set);
    console.log(`\n${set}: medians per resolution\n`);
    console.log(
      line([
        'frame',
        'frames',
        'pipeline CPU ms',
        'zxing-wasm CPU ms',
        'naive jsQR CPU ms',
        'zxing / pipeline',
        'naive / pipeline',
        'found: pipeline / zxing / jsQR',
        'slowest frame (ms, x median)',
      ]),
    );
    console.log(line(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---']));
    for (const size of [...new Set(rows.map((r) => r.size))]) {
      const rs = rows.filter((r) => r.size === size);
      const p = median(rs.map((r) => r.pipeline.ms));
      const z = median(rs.map((r) => r.zxing.ms));
      const n = median(rs.map((r) => r.naive.ms));
      const worst = rs.reduce((a, b) => (b.pipeline.ms > a.pipeline.ms ? b : a));
      const c = counts(rs);
      console.log(
        line([
          size,
          String(rs.length),
          p.toFixed(1),
          z.toFixed(1),
          n.toFixed(0),
          `${(z / p).toFixed(1)}x`,
          `${(n / p).toFixed(1)}x`,
          `${c.pipeline} / ${c.zxing} / ${c.naive} of ${c.placed}`,
          `${worst.name} ${worst.pipeline.ms.toFixed(1)} (${(worst.pipeline.ms / p).toFixed(1)}x)`,
        ]),
      );
      verdict(
        c.missedZxing.length === 0,
        `${set} ${size}: every code zxing-wasm reads is found (missed ${c.missedZxing.length}${c.missedZxing.length ? ': ' + c.missedZxing.join(', ') : ''})`,
      );
      verdict(c.wrong.length === 0, `${set} ${size}: no payload that is not on the frame (${c.wrong.length})`);
      verdict(z / p >= TARGETS.vsZxing, `${set} ${size}: median >= ${TARGETS.vsZxing}x faster than zxing-wasm (${(z / p).toFixed(1)}x)`);
      verdict(
        worst.pipeline.ms <= TARGETS.worstOverMedian * p,
        `${set} ${size}: slowest frame <= ${TARGETS.worstOverMedian}x median (${worst.name}: ${(worst.pipeline.ms / p).toFixed(1)}x)`,
      );
      if (set === 'synthetic') {
        verdict(n / p >= TARGETS.vsNaive, `${set} ${size}: >= ${TARGETS.vsNaive}x faster than naive jsQR (${(n / p).toFixed(1)}x)`);
        if (size.startsWith('3840')) verdict(p <= TARGETS.fourKMs, `${set} 4K median <= ${TARGETS.fourKMs} ms (${p.toFixed(1)} ms)`);
        if (size.startsWith('7680'))
          verdict(p <= TARGETS.twoMonitorsMs, `${set} two 4K monitors median <= ${TARGETS.twoMonitorsMs} ms (${p.toFixed(1)} ms)`);
      }
    }
    const empty = rows.filter((r) => r.placed.length === 0);
    if (empty.length) {
      const ratios = empty.map((r) => ({ r, x: r.pipeline.ms / r.finderScanMs }));
      const worst = ratios.reduce((a, b) => (b.x > a.x ? b : a));
      console.log(
        `\n${set}: frames without a code, pipeline / finder scan alone: ` +
          ratios.map(({ r, x }) => `${r.name} ${r.pipeline.ms.toFixed(1)}/${r.finderScanMs.toFixed(1)} ms (${x.toFixed(2)}x)`).join(', '),
      );
      verdict(
        worst.x <= TARGETS.emptyOverScan,
        `${set}: a frame without a code costs <= ${TARGETS.emptyOverScan}x the finder scan (worst ${worst.r.name}: ${worst.x.toFixed(2)}x)`,
      );
    }
  }
  console.log(`\nTargets:\n${verdicts.join('\n')}`);
  return verdicts.filter((v) => v.startsWith('FAIL')).length;
}
