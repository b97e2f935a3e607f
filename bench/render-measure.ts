import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startBrowserHost } from '../electron/browser-host/server';
import { MemorySecretStore } from '../electron/core/secrets/memory-secret-store';
import { toAccountSpec } from '../electron/core/otp/spec';

export interface RenderSample {
  accounts: number;
  /** Main-thread busy time (ms) per second of showing the list. */
  busyPerSecond: number;
  layoutsPerSecond: number;
  msPerLayout: number;
  /** The longest main-thread task seen (the code refresh at a period boundary is in the window). */
  longestTaskMs: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const renderBenchAvailable = (): string | null =>
  !CHROMIUM
    ? 'no Chromium (set CHROMIUM_PATH)'
    : !existsSync('out/renderer/index.html')
      ? 'the renderer is not built (npm run build)'
      : null;

/**
 * The real renderer in Chromium through the browser host, showing `count` accounts: Chrome's
 * own counters (Performance.getMetrics) over `seconds` of just watching the codes tick.
 */
export async function measureRender(count: number, secrets: (i: number) => string, seconds = 31): Promise<RenderSample> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flex-render-bench-'));
  const host = await startBrowserHost({ dataDir, secretStore: new MemorySecretStore() });
  const browser = await chromium.launch({ ...(CHROMIUM ? { executablePath: CHROMIUM } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (let i = 0; i < count; i++)
      await host.core.vault.add(toAccountSpec({ issuer: `Service ${i}`, label: `user${i}@example.com`, secret: secrets(i) }));
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Authenticator' }).first().click();
    // The copy button is named by its digits first, then "Copy code for <account>".
    await page.getByRole('button', { name: /^[\d ]+ (Copy code for|Kopiera koden för) Service 0:/ }).waitFor({ timeout: 60_000 });
    // Let the first render settle before counting.
    await page.waitForTimeout(3000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const read = async () =>
      Object.fromEntries(
        ((await cdp.send('Performance.getMetrics')).metrics as Array<{ name: string; value: number }>).map((m) => [m.name, m.value]),
      );
    type Win = { longest: number };
    await page.evaluate(() => {
      const w = globalThis as unknown as Win;
      w.longest = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration)))).observe({
        type: 'longtask',
      });
    });
    const a = await read();
    // Longer than one 30 s period, so a period boundary (every code renewed) is always inside.
    await page.waitForTimeout(seconds * 1000);
    const b = await read();
    const longestTaskMs = await page.evaluate(() => (globalThis as unknown as Win).longest);
    const delta = (k: string) => (b[k] ?? 0) - (a[k] ?? 0);
    const layouts = delta('LayoutCount');
    return {
      accounts: count,
      busyPerSecond: (delta('TaskDuration') * 1000) / seconds,
      layoutsPerSecond: layouts / seconds,
      msPerLayout: layouts > 0 ? (delta('LayoutDuration') * 1000) / layouts : 0,
      longestTaskMs,
    };
  } finally {
    await browser.close();
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
