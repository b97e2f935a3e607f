/**
 * The renderer's Content-Security-Policy, one definition for both hosts (Electron sets it on
 * every response of the app protocol; the browser host sends it as a header). `default-src
 * 'none'` first, then only what the app needs, as Electron Fiddle does. media/blob sources are
 * for the screen-capture preview of the QR reader.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
