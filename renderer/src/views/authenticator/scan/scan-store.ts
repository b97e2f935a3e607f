import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ScanResult } from '@shared/contract';
import { MAX_SCAN_IMAGE_BYTES } from '@shared/contract/names';
import type { AppErrorData, Result } from '@shared/result';
import { useApi } from '../../../api/use-api';
import { blobToBase64, canvasToPng, captureScreenToCanvas, cropCanvas, isWebp, ScanFailure, webpToPng } from './page-capture';
import { useAppStore } from '../../../stores/app';

/** One screen of a "Select area" capture, as the overlay shows it. */
export interface SelectScreen {
  index: number;
  /** Native size in physical pixels: the selected rectangle is sent in these units. */
  width: number;
  height: number;
  /** A picture to aim with (a reduced preview from main, or the page's own capture). */
  src: string;
}

type Selection =
  { kind: 'main'; captureId: string; screens: SelectScreen[] } | { kind: 'page'; canvas: HTMLCanvasElement; screens: SelectScreen[] };

export interface Region {
  screen: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * Reading QR codes into the authenticator. Where main can capture (Electron) it does, and keeps
 * the pixels; in the browser host this page captures with getDisplayMedia and sends a PNG.
 * Decoding and adding happen in main either way: this store only gets per-account outcomes.
 */
export const useScanStore = defineStore('scan', () => {
  const api = useApi();
  const app = useAppStore();
  const phase = ref<'idle' | 'capturing' | 'reading'>('idle');
  const result = ref<ScanResult | null>(null);
  const error = ref<AppErrorData | null>(null);
  const selection = shallowRef<Selection | null>(null);

  const captureMode = (): 'main' | 'renderer' | 'none' => app.info?.screenCapture ?? 'none';

  /**
   * One scan: main's answers come as Results; what this page does itself (getDisplayMedia, a
   * canvas) throws a ScanFailure, which ends up in `error` the same way. A scan that added
   * accounts is followed by main's `vault.changed`, which reloads the list once.
   */
  async function run<T>(work: () => Promise<Result<T>>): Promise<T | null> {
    error.value = null;
    result.value = null;
    try {
      const res = await work();
      if (res.ok) return res.value;
      error.value = res.error;
      return null;
    } catch (e) {
      if (!(e instanceof ScanFailure)) throw e;
      error.value = e.data;
      return null;
    } finally {
      phase.value = 'idle';
    }
  }

  async function scan(work: () => Promise<Result<ScanResult>>): Promise<ScanResult | null> {
    const res = await run(work);
    if (res) result.value = res;
    return res;
  }

  async function sendImage(blob: Blob): Promise<Result<ScanResult>> {
    if (blob.size > MAX_SCAN_IMAGE_BYTES)
      return { ok: false, error: { code: 'field.invalid', params: { field: 'imageBase64', reason: 'too_big' } } };
    phase.value = 'reading';
    return api.call('scan.scanImage', { imageBase64: await blobToBase64(blob) });
  }

  /** "Scan screens": every display (Electron) or the screen the user shares (browser host). */
  function scanScreens(): Promise<ScanResult | null> {
    return scan(async () => {
      phase.value = 'capturing';
      const mode = captureMode();
      // Main captures and decodes in one call: "taking a picture" covers both.
      if (mode === 'main') return await api.call('scan.scanScreens');
      if (mode === 'none') return { ok: false, error: { code: 'capture.unavailable', params: { reason: 'host' } } };
      return sendImage(await canvasToPng(await captureScreenToCanvas()));
    });
  }

  /** An image file, a dropped file or a pasted one: PNG and JPEG go to main as they are, WebP as PNG. */
  function scanFile(file: Blob): Promise<ScanResult | null> {
    return scan(async () => {
      if (file.type && !IMAGE_TYPES.includes(file.type))
        return { ok: false, error: { code: 'qr.unsupported-image', params: { reason: 'type' } } };
      return sendImage((await isWebp(file)) ? await webpToPng(file) : file);
    });
  }

  /** "Select area", step 1: capture, then the overlay shows `selection`. */
  async function startSelect(): Promise<void> {
    await run(async () => {
      phase.value = 'capturing';
      const mode = captureMode();
      if (mode === 'main') {
        const res = await api.call('scan.captureScreen');
        if (!res.ok) return res;
        const capture = res.value;
        selection.value = {
          kind: 'main',
          captureId: capture.captureId,
          screens: capture.screens.map((s) => ({
            index: s.index,
            width: s.width,
            height: s.height,
            src: `data:${s.preview.mime};base64,${s.preview.base64}`,
          })),
        };
        return { ok: true, value: null };
      }
      if (mode === 'none') return { ok: false, error: { code: 'capture.unavailable', params: { reason: 'host' } } };
      const canvas = await captureScreenToCanvas();
      const src = URL.createObjectURL(await canvasToPng(canvas));
      selection.value = { kind: 'page', canvas, screens: [{ index: 0, width: canvas.width, height: canvas.height, src }] };
      return { ok: true, value: null };
    });
  }

  /** "Select area", step 2: read only the chosen rectangle, at native resolution. */
  async function scanRegion(region: Region): Promise<ScanResult | null> {
    const sel = selection.value;
    if (!sel) return null;
    const res = await scan(async () => {
      if (sel.kind === 'main') {
        phase.value = 'reading';
        return api.call('scan.scanRegion', { captureId: sel.captureId, ...region });
      }
      return sendImage(await canvasToPng(cropCanvas(sel.canvas, region)));
    });
    // A region without a code keeps the picture for another try; anything else closes it.
    if (!error.value || !['qr.no-qr-found', 'scan.region-empty', 'otp.not-an-authenticator-code'].includes(error.value.code))
      closeSelect(false);
    return res;
  }

  function closeSelect(discard = true): void {
    const sel = selection.value;
    selection.value = null;
    if (!sel) return;
    if (sel.kind === 'page') for (const s of sel.screens) URL.revokeObjectURL(s.src);
    else if (discard) void api.call('scan.discardCapture', { captureId: sel.captureId });
  }

  function clear(): void {
    result.value = null;
    error.value = null;
  }

  return { phase, result, error, selection, captureMode, scanScreens, scanFile, startSelect, scanRegion, closeSelect, clear };
});
