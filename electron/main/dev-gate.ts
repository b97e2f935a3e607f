/**
 * Development-only switches, closed in a packaged build:
 * - ELECTRON_RENDERER_URL (the Vite dev server) is honoured only when not packaged, and only as a
 *   loopback http URL, so an environment variable can never point the shipped app at another origin;
 * - dev tools exist only when not packaged.
 */
export function devRendererUrl(isPackaged: boolean, value: string | undefined): string | null {
  if (isPackaged || !value) return null;
  try {
    const u = new URL(value);
    const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
    return u.protocol === 'http:' && loopback ? u.toString() : null;
  } catch {
    return null;
  }
}

export const devToolsAllowed = (isPackaged: boolean): boolean => !isPackaged;
