/**
 * Where the QR worker's entry file is, for composition roots to pass to `QrDecoder`.
 * The file names are built at run time on purpose: a literal `new URL('./x', import.meta.url)`
 * is a bundler asset pattern, and neither file should be rewritten or copied by the build.
 */

/** Next to a built main bundle: electron-vite emits out/main/qr-worker.js beside index.js. */
export function builtQrWorkerUrl(mainBundleUrl: string | URL): URL {
  const file = 'qr-worker.js';
  return new URL(`./${file}`, mainBundleUrl);
}

/** From TypeScript sources (tsx, vitest, the browser host in dev): the shim that registers tsx. */
export function sourceQrWorkerUrl(): URL {
  const file = 'qr-worker-dev.mjs';
  return new URL(`./${file}`, import.meta.url);
}
