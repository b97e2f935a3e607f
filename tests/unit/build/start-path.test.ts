import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig, type Rolldown } from 'vite';

/**
 * Issue 16: the start path stays lean. The real electron.vite.config.ts (resolved by electron-vite
 * as `electron-vite build` does) is built in memory, and the module graph of its output is
 * checked: no zod in the preload, in the renderer's entry or anything it imports statically (its
 * modulepreloads), or in the first view's chunk; the initial JS within its 70 KB gzip budget;
 * vue-i18n's runtime-only build, with no message compiler.
 */
type Chunk = Rolldown.OutputChunk;

const ROOT = resolve(import.meta.dirname, '../../..');
const BUDGET_GZIP = 70 * 1024;
const ZOD = /[\\/]node_modules[\\/]zod[\\/]/;

let outDir: string;
let renderer: Chunk[];
let preload: Chunk[];
const env = { NODE_ENV: process.env.NODE_ENV, NODE_ENV_ELECTRON_VITE: process.env.NODE_ENV_ELECTRON_VITE };

let html = '';

async function buildInMemory(config: InlineConfig | undefined, dir: string): Promise<Chunk[]> {
  if (!config) throw new Error('no such build in electron.vite.config.ts');
  const out = await build({ ...config, logLevel: 'silent', build: { ...config.build, outDir: dir, write: false, emptyOutDir: false } });
  const outputs = Array.isArray(out) ? out : [out as Rolldown.RolldownOutput];
  for (const o of outputs.flatMap((x) => x.output)) if (o.type === 'asset' && o.fileName === 'index.html') html = String(o.source);
  return outputs.flatMap((o) => o.output.filter((c): c is Chunk => c.type === 'chunk'));
}

/** A chunk and every chunk it imports statically (what loads with it, before any dynamic import). */
function closure(chunks: Chunk[], root: Chunk): Chunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Map<string, Chunk>();
  const visit = (c: Chunk): void => {
    if (seen.has(c.fileName)) return;
    seen.set(c.fileName, c);
    for (const f of c.imports) visit(byName.get(f)!);
  };
  visit(root);
  return [...seen.values()];
}

const zodModules = (chunks: Chunk[]): string[] =>
  chunks.flatMap((c) => c.moduleIds.filter((id) => ZOD.test(id)).map((id) => `${c.fileName}: ${id}`));

beforeAll(async () => {
  process.env.NODE_ENV_ELECTRON_VITE = 'production';
  const { config } = await resolveConfig({ root: ROOT }, 'build', 'production');
  outDir = mkdtempSync(join(tmpdir(), 'flex-start-path-'));
  preload = await buildInMemory(config?.preload, join(outDir, 'preload'));
  renderer = await buildInMemory(config?.renderer, join(outDir, 'renderer'));
}, 180_000);

afterAll(() => {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) Reflect.deleteProperty(process.env, k);
    else process.env[k] = v;
  }
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the start path of the built app (issue 16)', () => {
  const entry = () => renderer.find((c) => c.isEntry && c.name === 'index')!;
  // The app's code (renderer/src/start.ts), which index.html preloads alongside the entry.
  const app = () => renderer.find((c) => c.moduleIds.some((id) => id.endsWith('/renderer/src/start.ts')))!;
  const initial = () => [...new Map([...closure(renderer, entry()), ...closure(renderer, app())].map((c) => [c.fileName, c])).values()];
  // The chunk with the sign-in view (HrmView, now in the entry chunk itself).
  const firstView = () => renderer.find((c) => c.moduleIds.some((id) => id.endsWith('/views/hrm/HrmView.vue')))!;

  it('has no zod in the preload', () => {
    expect(preload.length).toBeGreaterThan(0);
    expect(preload.flatMap((c) => c.moduleIds).some((id) => id.endsWith('/electron/preload/index.ts'))).toBe(true);
    expect(zodModules(preload)).toEqual([]);
  });

  it('has no zod in the renderer entry, its modulepreloads or the first view (the sign-in form)', () => {
    expect(entry()).toBeDefined();
    expect(app()).toBeDefined();
    expect(firstView()).toBeDefined();
    // The check can fail: zod is in the build, only behind a dynamic import (the error catalogue).
    expect(zodModules(renderer).length).toBeGreaterThan(0);
    expect(zodModules(initial())).toEqual([]);
    expect(zodModules(closure(renderer, firstView()))).toEqual([]);
  });

  it('keeps the initial JS (entry + modulepreloads) within 70 KB gzip', () => {
    const gzip = initial().reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0);
    expect(
      gzip,
      initial()
        .map((c) => c.fileName)
        .join(', '),
    ).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it('has an entry without Vue that does not wait for the app chunk (it starts the first requests)', () => {
    expect(entry().imports).toEqual([]);
    expect(entry().moduleIds.filter((id) => /node_modules[\\/](vue|@vue|pinia|vue-router|vue-i18n)[\\/]/.test(id))).toEqual([]);
  });

  it('index.html preloads exactly the app chunk and its static imports, nothing a later view needs', () => {
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1]).sort();
    expect(preloaded).toEqual(
      initial()
        .filter((c) => c !== entry())
        .map((c) => c.fileName)
        .sort(),
    );
  });

  it('is minified', () => {
    for (const c of initial()) expect(c.code.split('\n').length, c.fileName).toBeLessThan(Math.max(5, c.code.length / 1000));
  });

  it('ships vue-i18n runtime-only with precompiled messages (no message compiler)', () => {
    const ids = renderer.flatMap((c) => c.moduleIds);
    expect(ids.some((id) => /vue-i18n[\\/]dist[\\/]vue-i18n\.runtime\./.test(id))).toBe(true);
    // Its error codes stay (vue-i18n's own errors use them); the tokenizer, parser and code generator must not.
    const compiler = renderer.flatMap((c) =>
      Object.entries(c.modules)
        .filter(
          ([id, m]) =>
            /@intlify[\\/]message-compiler/.test(id) && /function (createTokenizer|createParser|baseCompile|generate)\b/.test(m.code ?? ''),
        )
        .map(([id, m]) => `${c.fileName}: ${id} (${m.renderedLength} bytes)`),
    );
    expect(compiler).toEqual([]);
  });

  it('loads the views the first screen does not show lazily, not with the start path', () => {
    const start = new Set([...initial(), ...closure(renderer, firstView())].map((c) => c.fileName));
    const lazy = renderer.filter((c) =>
      /\/views\/(authenticator|settings|mailbox)\/|\/(ServerChoice|TwoFactorSetup|MfaChallenge)\.vue$/.test(c.facadeModuleId ?? ''),
    );
    expect(lazy.length).toBeGreaterThan(0);
    expect(lazy.filter((c) => start.has(c.fileName)).map((c) => c.fileName)).toEqual([]);
  });
});
