import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';
import { tsImport } from 'tsx/esm/api';
import type { Plugin, PluginOption } from 'vite';

/**
 * Dev server only: Vite injects <style> tags and a websocket client for hot reload, which the
 * production CSP (style-src 'self', connect-src 'self') blocks. Built output keeps the strict one.
 */
const devCsp: Plugin = {
  name: 'flex-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(
      /(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/,
      (_m, head: string, csp: string) =>
        `${head}${csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:")}"`,
    ),
};

const i18nDir = resolve(import.meta.dirname, 'renderer/src/i18n');
const compiledDir = resolve(i18nDir, 'compiled');
const LOCALE_FILES = ['sv', 'en'];

/**
 * Production build only: precompiled vue-i18n messages. The typed catalogues (renderer/src/i18n,
 * checked by vue-tsc with `satisfies`) stay the one source. This plugin swaps the import of
 * i18n/messages.ts for one JSON module per locale, made at build time from those same catalogues
 * (evaluated with tsx); @intlify/unplugin-vue-i18n, whose `include` points at them, compiles each
 * to message ASTs, and aliases vue-i18n to its runtime-only build with the message compiler dropped
 * (tests/unit/build/start-path.test.ts checks the built graph).
 */
const precompiledMessages: Plugin = {
  name: 'flex-precompiled-messages',
  apply: 'build',
  enforce: 'pre',
  resolveId(source, importer) {
    const swapped = [resolve(i18nDir, 'index.ts'), resolve(i18nDir, 'load.ts')];
    if (importer && swapped.includes(importer) && source === './messages') return resolve(compiledDir, 'index.js');
    if (importer?.startsWith(compiledDir) && source.endsWith('.json')) return resolve(compiledDir, source);
    return null;
  },
  async load(id) {
    if (id === resolve(compiledDir, 'index.js')) {
      // One chunk per locale: only the one in use is fetched (ensureLocaleMessages in i18n/index.ts).
      const cases = LOCALE_FILES.map((l) => `  if (locale === '${l}') return import('./${l}.json').then((m) => m.default);`);
      return `export const messages = {};\nexport function loadMessages(locale) {\n${cases.join('\n')}\n  return Promise.reject(new Error('no messages for ' + locale));\n}\n`;
    }
    const locale = LOCALE_FILES.find((l) => id === resolve(compiledDir, `${l}.json`));
    if (!locale) return null;
    const source = resolve(i18nDir, 'messages.ts');
    this.addWatchFile(source);
    const mod = (await tsImport(source, import.meta.url)) as { messages: Record<string, unknown> };
    return JSON.stringify(mod.messages[locale]);
  },
};

const i18nPlugins: PluginOption[] = [
  precompiledMessages,
  // dropMessageCompiler: the runtime build still registers a compile() that would compile string
  // messages at run time; with every message an AST it is dead code (~37 KB before minifying).
  {
    // unplugin types the factory as Plugin | Plugin[]; for Vite this one returns a single plugin.
    ...(VueI18nPlugin({
      include: [resolve(compiledDir, '*.json')],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      dropMessageCompiler: true,
    }) as Plugin),
    apply: 'build',
  },
];

/**
 * Production build only: the entry (renderer/src/main.ts) is a few KB that starts the first view's
 * requests and then imports the app (renderer/src/start.ts). index.html gets modulepreload (and
 * stylesheet) links for that chunk and what it imports statically, so they download alongside the
 * entry instead of after it has run. Nothing else is preloaded: every other view stays lazy.
 */
const startModule = resolve(import.meta.dirname, 'renderer/src/start.ts');
const preloadStart: Plugin = {
  name: 'flex-preload-start',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const bundle = ctx.bundle;
      if (!bundle) return [];
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const start = chunks.find((c) => c.facadeModuleId === startModule) ?? chunks.find((c) => c.moduleIds.includes(startModule));
      if (!start) throw new Error('flex-preload-start: no chunk for renderer/src/start.ts');
      const js = new Set<string>();
      const css = new Set<string>();
      const visit = (file: string): void => {
        const chunk = chunks.find((c) => c.fileName === file);
        if (!chunk || js.has(file)) return;
        js.add(file);
        chunk.viteMetadata?.importedCss.forEach((f) => css.add(f));
        chunk.imports.forEach(visit);
      };
      visit(start.fileName);
      // The entry's own static imports already have their links.
      const entry = chunks.find((c) => c.isEntry);
      const linked = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
      entry?.viteMetadata?.importedCss.forEach((f) => css.delete(f));
      return [
        ...[...js]
          .filter((f) => !linked.has(f))
          .map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
        ...[...css].map((f) => ({
          tag: 'link',
          attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` },
          injectTo: 'head' as const,
        })),
      ];
    },
  },
};

/**
 * The module graph's split, read once the build has parsed every module: what start.ts loads
 * statically and the entry does not. The `start` chunk group below holds all of it, so the app's
 * code is one request instead of the half dozen small shared chunks automatic splitting makes
 * (modules lazy views share with it), each a round trip through the browser host.
 */
const entryModule = resolve(import.meta.dirname, 'renderer/src/main.ts');
const startOnly = new Set<string>();
const startGraph: Plugin = {
  name: 'flex-start-graph',
  apply: 'build',
  buildEnd() {
    const closure = (root: string): Set<string> => {
      const seen = new Set<string>();
      const todo = [root];
      for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
        if (seen.has(id)) continue;
        seen.add(id);
        todo.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
      return seen;
    };
    const entry = closure(entryModule);
    startOnly.clear();
    for (const id of closure(startModule)) if (!entry.has(id)) startOnly.add(id);
  },
};

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // Native addons and the HTTP framework stay external: they are loaded from node_modules at run time.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          'qr-worker': resolve(import.meta.dirname, 'electron/core/qr/qr-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() modules: bundle everything into one file. It imports
      // only the zod-free name list (shared/contract/names.ts), so it stays a few KB.
      externalizeDeps: false,
      minify: true,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias: { ...alias, '@': resolve(import.meta.dirname, 'renderer/src') } },
    // Every component is <script setup>: Vue's Options API stays out of the bundle.
    plugins: [vue({ features: { optionsAPI: false } }), devCsp, ...i18nPlugins, startGraph, preloadStart],
    // vue-i18n: composition API only (useI18n; no <i18n-t>, v-t or $t), no legacy API or devtools.
    define: {
      __VUE_I18N_FULL_INSTALL__: false,
      __VUE_I18N_LEGACY_API__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
    },
    build: {
      outDir: 'out/renderer',
      minify: true,
      // Chromium (Electron's and the browser host's) supports <link rel="modulepreload"> natively.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
        output: {
          codeSplitting: { groups: [{ name: 'start', test: (id: string) => startOnly.has(id), includeDependenciesRecursively: false }] },
        },
      },
    },
  },
});
