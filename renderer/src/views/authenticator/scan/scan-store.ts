import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { MAX_SCAN_IMAGE_BYTES, type ScanResult } from '@shared/contract';
import type { AppErrorData } from '@shared/result';
import { toErrorData } from '../../../api/errors';
import { useApi } from '../../../api/use-api';
import { blobToBase64, canvasToPng, captureScreenToCanvas, cropCanvas, ScanFailure } from './page-capture';
import { useAppStore } from '../../../stores/app';
import { useVaultStore } from '../../../stores/vault';

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
  | { kind: 'main'; captureId: string; screens: SelectScreen[] }
  | { kind: 'page'; canvas: HTMLCanvasElement; screens: SelectScreen[] };

export interface Region {
  screen: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const IMAGE_TYPES = ['image/png', 'image/jpeg'];

/**
 * Reading QR codes into the authenticator. Where main can capture (Electron) it does, and keeps
 * the pixels; in the browser host this page captures with getDisplayMedia and sends a PNG.
 * Decoding and adding happen in main either way: this store only gets per-account outcomes.
 */
export const useScanStore = defineStore('scan', () => {
  const api = useApi();
  const app = useAppStore();
  const vault = useVaultStore();
  const phase = ref<'idle' | 'capturing' | 'reading'>('idle');
  const result = ref<ScanResult | null>(null);
  const error = ref<AppErrorData | null>(null);
  const selection = shallowRef<Selection | null>(null);

  const captureMode = (): 'main' | 'renderer' | 'none' => app.info?.screenCapture ?? 'none';

  async function run(work: () => Promise<ScanResult | null>): Promise<ScanResult | null> {
    error.value = null;
    result.value = null;
    try {
      const res = await work();
      if (res) {
        result.value = res;
        if (res.accounts.some((a) => a.status === 'added')) await vault.load();
      }
      return res;
    } catch (e) {
      error.value = e instanceof ScanFailure ? e.data : toErrorData(e);
      return null;
    } finally {
      phase.value = 'idle';
    }
  }

  async function sendImage(blob: Blob): Promise<ScanResult> {
    if (blob.size > MAX_SCAN_IMAGE_BYTES) throw new ScanFailure({ code: 'field.invalid', params: { field: 'imageBase64', reason: 'too_big' } });
    phase.value = 'reading';
    return api.call('scan.image', { imageBase64: await blobToBase64(blob) });
  }

  /** "Scan screens": every display (Electron) or the screen the user shares (browser host). */
  function scanScreens(): Promise<ScanResult | null> {
    return run(async () => {
      phase.value = 'capturing';
      const mode = captureMode();
      // Main captures and decodes in one call: "taking a picture" covers both.
      if (mode === 'main') return await api.call('scan.screens');
      if (mode === 'none') throw new ScanFailure({ code: 'capture.unavailable', params: { reason: 'host' } });
      return sendImage(await canvasToPng(await captureScreenToCanvas()));
    });
  }

  /** An image file, a dropped file or a pasted one. Only PNG and JPEG are read. */
  function scanFile(file: Blob): Promise<ScanResult | null> {
    return run(async () => {
      if (file.type && !IMAGE_TYPES.includes(file.type)) throw new ScanFailure({ code: 'qr.unsupported-image', params: { reason: 'type' } });
      return sendImage(file);
    });
  }

  /** "Select area", step 1: capture, then the overlay shows `selection`. */
  async function startSelect(): Promise<void> {
    await run(async () => {
      phase.value = 'capturing';
      const mode = captureMode();
      if (mode === 'main') {
        const capture = await api.call('scan.capture');
        selection.value = {
          kind: 'main',
          captureId: capture.captureId,
          screens: capture.screens.map((s) => ({ index: s.index, width: s.width, height: s.height, src: `data:${s.preview.mime};base64,${s.preview.base64}` })),
        };
        return null;
      }
      if (mode === 'none') throw new ScanFailure({ code: 'capture.unavailable', params: { reason: 'host' } });
      const canvas = await captureScreenToCanvas();
      const src = URL.createObjectURL(await canvasToPng(canvas));
      selection.value = { kind: 'page', canvas, screens: [{ index: 0, width: canvas.width, height: canvas.height, src }] };
      return null;
    });
  }

  /** "Select area", step 2: read only the chosen rectangle, at native resolution. */
  async function scanRegion(region: Region): Promise<ScanResult | null> {
    const sel = selection.value;
    if (!sel) return null;
    const res = await run(async () => {
      if (sel.kind === 'main') {
        phase.value = 'reading';
        return api.call('scan.region', { captureId: sel.captureId, ...region });
      }
      return sendImage(await canvasToPng(cropCanvas(sel.canvas, region)));
    });
    // A region without a code keeps the picture for another try; anything else closes it.
    if (!error.value || !['qr.no-qr-found', 'scan.region-empty', 'otp.not-an-authenticator-code'].includes(error.value.code)) closeSelect(false);
    return res;
  }

  function closeSelect(discard = true): void {
    const sel = selection.value;
    selection.value = null;
    if (!sel) return;
    if (sel.kind === 'page') for (const s of sel.screens) URL.revokeObjectURL(s.src);
    else if (discard) void api.call('scan.discard', { captureId: sel.captureId }).catch(() => undefined);
  }

  function clear(): void {
    result.value = null;
    error.value = null;
  }

  return { phase, result, error, selection, captureMode, scanScreens, scanFile, startSelect, scanRegion, closeSelect, clear };
});
