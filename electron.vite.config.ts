import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import type { Plugin } from 'vite';

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

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // Native addons and the HTTP framework stay external: they are loaded from node_modules at run time.
      externalizeDeps: true,
      rollupOptions: {
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
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias: { ...alias, '@': resolve(import.meta.dirname, 'renderer/src') } },
    plugins: [vue(), devCsp],
    // vue-i18n: composition API only, no legacy API or devtools in the bundle.
    define: {
      __VUE_I18N_FULL_INSTALL__: true,
      __VUE_I18N_LEGACY_API__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
    },
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
