import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { loadImage } from '../../electron/core/qr/image';
import { zxingRead } from '../zxing';
import { CORPUS_DIR, tryReadManifest, type CorpusFrame, type CorpusManifest } from './manifest';
import { pageHtml } from './page';
import { corpusScenes } from './scenes';

/**
 * Renders the real-rendering QR corpus with Chromium (Debian's /usr/bin/chromium, or
 * CHROMIUM_PATH) into a gitignored cache and records every frame's expected outcome (the codes
 * on it and which of them zxing-wasm reads) in its manifest.json. `ensureCorpus()` builds it only
 * when it is missing or was built from other scenes or page code (the cache key), so the test
 * and `bench:qr` pay for it once per checkout. `npm run corpus:qr` rebuilds it unconditionally.
 */

const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** The corpus as built, building it first when the cache is missing or stale. */
export async function ensureCorpus(log: (line: string) => void = () => {}): Promise<CorpusManifest> {
  const manifest = tryReadManifest();
  if (manifest && manifest.key === corpusKey()) return manifest;
  return buildCorpus(log);
}

export async function buildCorpus(log: (line: string) => void = console.log, only?: string): Promise<CorpusManifest> {
  const started = performance.now();
  const scenes = corpusScenes().filter((s) => !only || s.id.startsWith(only));
  mkdirSync(CORPUS_DIR, { recursive: true });
  rmSync(join(CORPUS_DIR, 'manifest.json'), { force: true });
  if (!only) for (const f of readdirSync(CORPUS_DIR)) if (/\.(png|jpg)$/.test(f)) rmSync(join(CORPUS_DIR, f));
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb', '--font-render-hinting=none', '--disable-lcd-text'],
  });
  const frames: CorpusFrame[] = [];
  const version = browser.version();
  try {
    for (const scene of scenes) {
      const t0 = performance.now();
      const context = await browser.newContext({
        viewport: { width: scene.width / scene.dsf, height: scene.height / scene.dsf },
        deviceScaleFactor: scene.dsf,
      });
      const page = await context.newPage();
      await page.setContent(pageHtml(scene));
      await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
      const shot = await page.screenshot(scene.format === 'jpeg' ? { type: 'jpeg', quality: 70 } : { type: 'png' });
      await context.close();
      const file = `${scene.id}.${scene.format === 'jpeg' ? 'jpg' : 'png'}`;
      const bytes = shot;
      writeFileSync(join(CORPUS_DIR, file), bytes);
      const frame = loadImage(new Uint8Array(bytes));
      if (frame.width !== scene.width || frame.height !== scene.height) {
        throw new Error(`${scene.id}: screenshot is ${frame.width}x${frame.height}, expected ${scene.width}x${scene.height}`);
      }
      const zxing = await zxingRead(frame);
      const placed = scene.codes.map((c) => c.text);
      const stray = zxing.filter((t) => !placed.includes(t));
      if (stray.length) throw new Error(`${scene.id}: zxing-wasm read a payload that is not on the page: ${stray.join(', ')}`);
      frames.push({
        id: scene.id,
        file,
        width: scene.width,
        height: scene.height,
        dsf: scene.dsf,
        note: scene.note,
        codes: scene.codes.map(({ text, method, pxPerModule, ecl, logo, fg, bg }) => ({
          text,
          method,
          pxPerModule,
          ecl,
          logo: !!logo,
          fg,
          bg,
          zxing: zxing.includes(text),
        })),
      });
      log(
        `${scene.id} ${scene.width}x${scene.height} @${scene.dsf} ${file.padEnd(11)} ${(bytes.length / 1024).toFixed(0).padStart(5)} KB ` +
          `zxing ${zxing.length}/${placed.length}  ${((performance.now() - t0) / 1000).toFixed(1)} s  ${scene.note}`,
      );
    }
  } finally {
    await browser.close();
  }
  const manifest: CorpusManifest = { key: corpusKey(), chromium: version, buildSeconds: (performance.now() - started) / 1000, frames };
  if (!only) writeFileSync(join(CORPUS_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const total = readdirSync(CORPUS_DIR).reduce((sum, f) => sum + statSync(join(CORPUS_DIR, f)).size, 0);
  log(
    `\n${frames.length} frames, ${(total / 1_048_576).toFixed(1)} MB in ${resolve(CORPUS_DIR)}, ` +
      `${manifest.buildSeconds.toFixed(0)} s, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  return manifest;
}

/** Changes whenever the scenes or the way pages draw them change (and with the Chromium binary). */
function corpusKey(): string {
  const hash = createHash('sha256');
  for (const f of ['scenes.ts', 'page.ts', 'build.ts']) hash.update(readFileSync(join(import.meta.dirname, f)));
  hash.update(executablePath ?? 'playwright-chromium');
  return hash.digest('hex').slice(0, 16);
}
