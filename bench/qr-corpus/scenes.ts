import { encodeMigrationUri } from '../../electron/core/otp/migration';

/**
 * The real-rendering QR corpus, as data: every frame's screen size, device scale factor, page
 * kind, theme and the codes on it (payload, how the page draws it, device pixels per module,
 * colours). `build.ts` renders these with Chromium; the test and `bench:qr` read the result.
 * Deterministic: the same list every time, no randomness.
 */

/** How a page puts the code on screen; each is how some real 2FA page does it. */
export type DrawMethod =
  /** PNG data URL at a few px per module, shown by an `<img>` scaled by CSS (bilinear). */
  | 'img'
  /** Canvas at 1 px per module upscaled with `drawImage` and image smoothing on. */
  | 'canvas-smooth'
  /** Canvas at device resolution, one `fillRect` per module at a fractional module size. */
  | 'fillrect'
  /** Inline SVG, one `<rect>` per dark module, scaled by the viewBox. */
  | 'svg-rects'
  /** The `qrcode` package's SVG (one stroked path), scaled by CSS. */
  | 'svg-path';

export type PageKind = 'setup' | 'docs' | 'admin';
export type Theme = 'light' | 'dark';

export interface CorpusCode {
  text: string;
  method: DrawMethod;
  /** Device pixels per module. */
  pxPerModule: number;
  /** Where the code sits, as fractions of the free space of the viewport. */
  fx: number;
  fy: number;
  fg: string;
  bg: string;
  ecl: 'L' | 'M' | 'Q' | 'H';
  /** A brand mark over the centre (needs EC level H). */
  logo?: boolean;
}

export interface CorpusScene {
  id: string;
  /** Device pixels, as a screenshot of the screen(s) has them. */
  width: number;
  height: number;
  dsf: number;
  page: PageKind;
  theme: Theme;
  format: 'png' | 'jpeg';
  codes: CorpusCode[];
  note: string;
}

export const RESOLUTIONS: Array<{ label: string; width: number; height: number; dsfs: number[] }> = [
  { label: '1920x1080', width: 1920, height: 1080, dsfs: [1, 1.25, 1.5, 2] },
  { label: '2560x1440', width: 2560, height: 1440, dsfs: [1, 1.25, 2] },
  { label: '3840x2160', width: 3840, height: 2160, dsfs: [1.25, 1.5, 2, 1] },
  { label: '7680x2160 (2x4K)', width: 7680, height: 2160, dsfs: [1, 1.25, 1.5, 2] },
];

export function resolutionLabel(width: number, height: number): string {
  return RESOLUTIONS.find((r) => r.width === width && r.height === height)?.label ?? `${width}x${height}`;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function secretFor(n: number, length = 32): string {
  let s = '';
  let x = (n * 2654435761) >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x ^ (x >>> 13), 1103515245) + 12345) >>> 0;
    s += BASE32[x % 32]!;
  }
  return s;
}

const ISSUERS = [
  'Visma Connect',
  'GitHub',
  'Flex HRM',
  'Dropbox',
  'Atlassian',
  'Microsoft',
  'Slack',
  'AWS',
  'Proton',
  'Bitwarden',
  'Okta',
  'Fastly',
];

export function otpauth(n: number): string {
  const issuer = ISSUERS[n % ISSUERS.length]!;
  const e = encodeURIComponent(issuer);
  return `otpauth://totp/${e}:user${n}%40example.com?secret=${secretFor(n)}&issuer=${e}&algorithm=SHA1&digits=6&period=30`;
}

function migration(n: number, accounts: number): string {
  return encodeMigrationUri(
    Array.from({ length: accounts }, (_, i) => ({
      secret: Uint8Array.from({ length: 20 }, (_, k) => (k * 31 + i * 17 + n * 7) & 0xff),
      name: `person${n}.${i}@example.com`,
      issuer: ISSUERS[(n + i) % ISSUERS.length]!,
    })),
  );
}

function urlOnly(n: number): string {
  return `https://connect.example.com/enrol?ticket=${secretFor(n + 500, 12).toLowerCase()}`;
}

const INK = { fg: '#000000', bg: '#ffffff' };
const DARK_INK = { fg: '#e5e7eb', bg: '#111827' }; // light modules on a dark card (inverted)
const SLATE = { fg: '#475569', bg: '#e2e8f0' }; // low contrast: slate on a tint
const PALE = { fg: '#64748b', bg: '#f1f5f9' };
const BRAND = { fg: '#1e3a8a', bg: '#fef9c3' }; // coloured: navy on cream
const PURPLE = { fg: '#6d28d9', bg: '#ffffff' };

/**
 * Twelve frames per resolution. The device scale factor rotates through the resolution's list,
 * module sizes cover 1.5-4 device px, and every draw method, theme and hazard the issue names
 * appears at every resolution.
 */
export function corpusScenes(): CorpusScene[] {
  const out: CorpusScene[] = [];
  let n = 0;
  RESOLUTIONS.forEach(({ width, height, dsfs }, r) => {
    const wide = width > 4000;
    // On two screens side by side, alternate which screen the code is on.
    const fx = (f: number, i: number): number => (wide && i % 2 === 1 ? 0.55 + f * 0.45 : wide ? f * 0.45 : f);
    let i = 0;
    const add = (
      page: PageKind,
      theme: Theme,
      format: 'png' | 'jpeg',
      note: string,
      codes: Array<Omit<CorpusCode, 'text' | 'ecl' | 'fx'> & { text?: string; ecl?: CorpusCode['ecl']; fx: number }>,
    ): void => {
      const dsf = dsfs[i % dsfs.length]!;
      out.push({
        id: `r${r}-${String(i).padStart(2, '0')}`,
        width,
        height,
        dsf,
        page,
        theme,
        format,
        note,
        codes: codes.map((c) => ({ ...c, text: c.text ?? otpauth(++n + r * 100), ecl: c.ecl ?? 'M', fx: fx(c.fx, i) })),
      });
      i++;
    };
    add('setup', 'light', 'png', 'css-scaled img, 2.5 px', [{ method: 'img', pxPerModule: 2.5, fx: 0.3, fy: 0.45, ...INK }]);
    add('setup', 'dark', 'png', 'inverted on a dark page, smoothed canvas, 3 px', [
      { method: 'canvas-smooth', pxPerModule: 3, fx: 0.4, fy: 0.5, ...DARK_INK },
    ]);
    add('setup', 'light', 'png', 'low contrast slate on tint, svg rects, 2 px', [
      { method: 'svg-rects', pxPerModule: 2, fx: 0.35, fy: 0.4, ...SLATE },
    ]);
    add('docs', 'light', 'png', 'coloured navy on cream, svg path, 1.5 px', [
      { method: 'svg-path', pxPerModule: 1.5, fx: 0.6, fy: 0.5, ...BRAND },
    ]);
    add('admin', 'light', 'png', 'fractional fillRect 2.25 px + URL-only code 3 px', [
      { method: 'fillrect', pxPerModule: 2.25, fx: 0.7, fy: 0.35, ...INK },
      { method: 'img', pxPerModule: 3, fx: 0.9, fy: 0.8, text: urlOnly(r), ...INK },
    ]);
    add('setup', 'light', 'png', 'logo over the centre (EC H), purple, img 4 px', [
      { method: 'img', pxPerModule: 4, fx: 0.3, fy: 0.5, ecl: 'H', logo: true, ...PURPLE },
    ]);
    add('admin', 'light', 'jpeg', 'JPEG q70: migration code of 4 accounts 2.5 px + otpauth 2 px', [
      { method: 'canvas-smooth', pxPerModule: 2.5, fx: 0.25, fy: 0.5, text: migration(r, 4), ...INK },
      { method: 'svg-rects', pxPerModule: 2, fx: 0.8, fy: 0.6, ...INK },
    ]);
    add('setup', 'light', 'jpeg', 'JPEG q70, low contrast, smoothed canvas 2 px', [
      { method: 'canvas-smooth', pxPerModule: 2, fx: 0.5, fy: 0.45, ...PALE },
    ]);
    add('admin', r % 2 ? 'dark' : 'light', 'png', 'no code: admin table and dashboard', []);
    add('docs', 'light', r % 2 ? 'png' : 'jpeg', 'no code: docs with icons and code blocks', []);
    add('docs', 'light', 'png', 'three codes: img 1.75 px, fillRect 3.5 px, svg path 2.5 px', [
      { method: 'img', pxPerModule: 1.75, fx: 0.2, fy: 0.3, ...INK },
      { method: 'fillrect', pxPerModule: 3.5, fx: 0.5, fy: 0.7, ...BRAND },
      { method: 'svg-path', pxPerModule: 2.5, fx: 0.85, fy: 0.35, ...INK },
    ]);
    add('setup', 'dark', r % 2 ? 'jpeg' : 'png', 'inverted img 1.75 px on a dark page', [
      { method: 'img', pxPerModule: 1.75, fx: 0.45, fy: 0.55, ...DARK_INK },
    ]);
  });
  return out;
}
