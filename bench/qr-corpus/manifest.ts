import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadImage } from '../../electron/core/qr/image';
import type { Frame } from '../../electron/core/qr/frame';
import type { DrawMethod } from './scenes';

/** Where the rendered corpus is cached (gitignored), and its manifest: every frame's expected outcome. */
export const CORPUS_DIR = resolve(import.meta.dirname, '../../tests/fixtures/qr-corpus');

export interface CorpusFrame {
  id: string;
  file: string;
  width: number;
  height: number;
  dsf: number;
  note: string;
  codes: Array<{
    text: string;
    method: DrawMethod;
    pxPerModule: number;
    ecl: string;
    logo: boolean;
    fg: string;
    bg: string;
    /** zxing-wasm (readBarcodes, QRCode, tryHarder) read it when the corpus was built. */
    zxing: boolean;
  }>;
}

export interface CorpusManifest {
  /** Hash of the scene list, the page code and the browser binary it was built from. */
  key: string;
  chromium: string;
  buildSeconds: number;
  frames: CorpusFrame[];
}

export function tryReadManifest(): CorpusManifest | null {
  try {
    return JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as CorpusManifest;
  } catch {
    return null;
  }
}

export function loadCorpusFrame(frame: CorpusFrame): Frame {
  return loadImage(new Uint8Array(readFileSync(join(CORPUS_DIR, frame.file))));
}
