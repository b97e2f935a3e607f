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
    html.replace(/(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/, (_m, head: string, csp: string) =>
      `${head}${csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:")}"`),
};

const i18nDir = resolve(import.meta.dirname, 'renderer/src/i18n');
const compiledDir = resolve(i18nDir, 'compiled');
const LOCALE_FILES = ['sv', 'en'];

/**
 * Production build only: precompiled vue-i18n messages. The typed catalogues (renderer/src/i18n,
 * checked by vue-tsc with `satisfies`) stay the one source. This plugin swaps the import of
 * i18n/messages.ts for one JSON module per locale, made at build time from those same catalogues
 * (evaluated with tsx); @intlify/unplugin-vue-i18n, whose `include` points at them, compiles each
 * to message ASTs, and aliases vue-i18n to its runtime-only build (no message compiler shipped).
 */
const precompiledMessages: Plugin = {
  name: 'flex-precompiled-messages',
  apply: 'build',
  enforce: 'pre',
  resolveId(source, importer) {
    if (importer === resolve(i18nDir, 'index.ts') && source === './messages') return resolve(compiledDir, 'index.js');
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
  // unplugin types the factory as Plugin | Plugin[]; for Vite this one returns a single plugin.
  { ...(VueI18nPlugin({ include: [resolve(compiledDir, '*.json')], runtimeOnly: true, compositionOnly: true, fullInstall: true }) as Plugin), apply: 'build' },
];

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
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias: { ...alias, '@': resolve(import.meta.dirname, 'renderer/src') } },
    plugins: [vue(), devCsp, ...i18nPlugins],
    // vue-i18n: composition API only, no legacy API or devtools in the bundle.
    define: {
      __VUE_I18N_FULL_INSTALL__: true,
      __VUE_I18N_LEGACY_API__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
    },
    build: {
      outDir: 'out/renderer',
      minify: true,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
