import QRCode from 'qrcode';
import type { Frame } from '../electron/core/qr/frame';

/**
 * Screenshot-like RGBA frames for the QR benchmark and the decoder tests: a busy desktop
 * (gradients, windows, light and dark panels, lines of text-like glyphs) with QR codes drawn at
 * a chosen module size, position and polarity. Deterministic for a given seed.
 */

export interface CodePlacement {
  text: string;
  /** Top-left of the quiet zone, in frame pixels. */
  x: number;
  y: number;
  /** Pixels per module; fractional sizes model display scaling (e.g. 2.5 at 125 %). */
  moduleSize: number;
  /** Light modules on a dark background, as dark-themed pages show them. */
  inverted?: boolean;
  quietZone?: number;
  /** Anti-aliased edges, as a browser draws a QR image scaled by a fractional factor. */
  smooth?: boolean;
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
}

export interface PlacedCode extends CodePlacement {
  /** Side of the drawn square including the quiet zone, in pixels. */
  side: number;
}

export interface SyntheticFrame {
  frame: Frame;
  codes: PlacedCode[];
}

/** Small seeded PRNG (mulberry32): frames must be identical between runs to compare timings. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function qrSide(text: string, moduleSize: number, quietZone = 4, ecl: CodePlacement['errorCorrectionLevel'] = 'M'): number {
  const size = QRCode.create(text, { errorCorrectionLevel: ecl }).modules.size;
  return Math.round((size + 2 * quietZone) * moduleSize);
}

export function makeFrame(width: number, height: number, placements: CodePlacement[], seed = 1, busy = true): SyntheticFrame {
  const data = new Uint8ClampedArray(width * height * 4);
  const px = new Uint32Array(data.buffer);
  if (busy) drawDesktop(px, width, height, seededRandom(seed));
  else px.fill(grey(255));
  const codes = placements.map((p) => drawCode(px, width, height, p));
  return { frame: { data, width, height }, codes };
}

/** Little-endian RGBA packed as one 32-bit word. */
function rgba(r: number, g: number, b: number): number {
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
function grey(v: number): number {
  return rgba(v, v, v);
}

function fillRect(px: Uint32Array, w: number, h: number, x: number, y: number, rw: number, rh: number, color: number): void {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(w, Math.floor(x + rw));
  const y1 = Math.min(h, Math.floor(y + rh));
  for (let yy = y0; yy < y1; yy++) px.fill(color, yy * w + x0, yy * w + x1);
}

function drawDesktop(px: Uint32Array, w: number, h: number, rnd: () => number): void {
  // Wallpaper: a diagonal gradient, so no global threshold works.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const t = (x / w + y / h) / 2;
      px[y * w + x] = rgba(40 + 150 * t, 90 + 80 * t, 160 - 60 * t);
    }
  }
  fillRect(px, w, h, 0, h - 40, w, 40, rgba(30, 30, 36)); // taskbar
  const windows = Math.max(4, Math.round((w * h) / 700_000));
  for (let i = 0; i < windows; i++) {
    const ww = 300 + rnd() * w * 0.35;
    const wh = 200 + rnd() * h * 0.5;
    const wx = rnd() * (w - ww);
    const wy = rnd() * (h - wh - 40);
    const dark = rnd() < 0.35;
    fillRect(px, w, h, wx - 1, wy - 1, ww + 2, wh + 2, grey(dark ? 90 : 150)); // border
    fillRect(px, w, h, wx, wy, ww, wh, grey(dark ? 32 : 250));
    fillRect(px, w, h, wx, wy, ww, 30, dark ? rgba(45, 45, 60) : rgba(225, 230, 240)); // title bar
    drawText(px, w, h, wx + 16, wy + 44, ww - 32, wh - 56, dark ? grey(220) : grey(25), rnd);
    // Buttons and inputs.
    for (let b = 0; b < 3; b++) {
      fillRect(px, w, h, wx + 16 + b * 110, wy + wh - 44, 96, 30, rgba(20 + b * 60, 100, 200));
    }
  }
}

/** Lines of word-like runs of glyphs: dense dark-on-light texture that is not a QR code. */
function drawText(
  px: Uint32Array,
  w: number,
  h: number,
  x: number,
  y: number,
  tw: number,
  th: number,
  color: number,
  rnd: () => number,
): void {
  const lineHeight = 14 + Math.floor(rnd() * 8);
  const glyphH = Math.floor(lineHeight * 0.6);
  for (let ly = y; ly + lineHeight < y + th; ly += lineHeight) {
    let cx = x;
    const lineEnd = x + tw * (0.5 + rnd() * 0.5);
    while (cx < lineEnd) {
      const word = 2 + Math.floor(rnd() * 8);
      for (let g = 0; g < word && cx < lineEnd; g++) {
        const gw = 2 + Math.floor(rnd() * 6);
        const tall = rnd() < 0.3 ? 3 : 0;
        // Glyphs as strokes: vertical bars and a crossbar, like letters at small sizes.
        fillRect(px, w, h, cx, ly - tall, 2, glyphH + tall, color);
        if (gw > 3) fillRect(px, w, h, cx, ly + Math.floor(glyphH / 2), gw, 2, color);
        if (rnd() < 0.5) fillRect(px, w, h, cx + gw - 1, ly, 2, glyphH, color);
        cx += gw + 3;
      }
      cx += 6;
    }
  }
}

function drawCode(px: Uint32Array, w: number, h: number, p: CodePlacement): PlacedCode {
  const quiet = p.quietZone ?? 4;
  const matrix = QRCode.create(p.text, { errorCorrectionLevel: p.errorCorrectionLevel ?? 'M' }).modules;
  const n = matrix.size + 2 * quiet;
  const side = Math.round(n * p.moduleSize);
  const on = grey(p.inverted ? 235 : 0);
  const off = grey(p.inverted ? 20 : 255);
  const isDark = (r: number, c: number): boolean => {
    const mr = r - quiet;
    const mc = c - quiet;
    return mr >= 0 && mc >= 0 && mr < matrix.size && mc < matrix.size && matrix.get(mr, mc) === 1;
  };
  if (p.smooth) {
    // 4x4 supersampling per pixel: edges between modules become grey, as bilinear scaling does.
    const onV = p.inverted ? 235 : 0;
    const offV = p.inverted ? 20 : 255;
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        let cover = 0;
        for (let sy = 0; sy < 4; sy++) {
          for (let sx = 0; sx < 4; sx++) {
            const r = Math.floor((y + (sy + 0.5) / 4) / p.moduleSize);
            const c = Math.floor((x + (sx + 0.5) / 4) / p.moduleSize);
            if (isDark(Math.min(n - 1, r), Math.min(n - 1, c))) cover++;
          }
        }
        const fx = Math.round(p.x) + x;
        const fy = Math.round(p.y) + y;
        if (fx >= 0 && fy >= 0 && fx < w && fy < h) px[fy * w + fx] = grey(Math.round(offV + ((onV - offV) * cover) / 16));
      }
    }
    return { ...p, side };
  }
  // Module edges rounded per module, as a scaled browser rendering lands them on pixels.
  const edge = (i: number): number => Math.round(i * p.moduleSize);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      fillRect(px, w, h, p.x + edge(c), p.y + edge(r), edge(c + 1) - edge(c), edge(r + 1) - edge(r), isDark(r, c) ? on : off);
    }
  }
  return { ...p, side };
}

/** Realistic payloads: what a sign-up page and a Google Authenticator export show. */
export function sampleOtpauthUri(n: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const secret = alphabet.slice(n % 32) + alphabet.slice(0, n % 32); // 160 bits, distinct per n
  return `otpauth://totp/ACME%20Corp%20${n}:user${n}%40example.com?secret=${secret}&issuer=ACME%20Corp%20${n}&algorithm=SHA1&digits=6&period=30`;
}
