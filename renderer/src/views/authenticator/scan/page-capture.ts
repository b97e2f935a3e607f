import type { AppErrorData } from '@shared/result';

/**
 * The page's own screen capture, for hosts where main cannot capture (the browser host):
 * getDisplayMedia -> one video frame -> a canvas at the screen's native size. The track is
 * stopped as soon as the frame is drawn, so the browser's "sharing" indicator goes away at once.
 */

export class ScanFailure extends Error {
  constructor(readonly data: AppErrorData) {
    super(data.code);
    this.name = 'ScanFailure';
  }
}

export async function captureScreenToCanvas(): Promise<HTMLCanvasElement> {
  const media = navigator.mediaDevices as MediaDevices | undefined;
  if (!media?.getDisplayMedia) throw new ScanFailure({ code: 'capture.unavailable', params: { reason: 'no-display-media' } });
  let stream: MediaStream;
  try {
    // An "ideal" far above any screen asks for the native size instead of the default 720p/1080p scaling.
    stream = await media.getDisplayMedia({
      video: { width: { ideal: 16384 }, height: { ideal: 16384 }, frameRate: { ideal: 5 }, displaySurface: 'monitor' },
      audio: false,
    });
  } catch (e) {
    const name = e instanceof DOMException ? e.name : '';
    // NotAllowedError: the user closed the picker (or a policy forbids capture).
    if (name === 'NotAllowedError' || name === 'AbortError') throw new ScanFailure({ code: 'capture.cancelled' });
    throw new ScanFailure({ code: 'capture.unavailable', params: { reason: name || 'error' } });
  }
  try {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    await settledFrame(video);
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const g = canvas.getContext('2d');
    if (!g) throw new ScanFailure({ code: 'capture.unavailable', params: { reason: 'canvas' } });
    g.drawImage(video, 0, 0);
    video.srcObject = null;
    return canvas;
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}

/**
 * The browser's picker is still fading out in the first frames after the user chose a screen,
 * over whatever it covered: take a frame from a little later. Static screens may produce no new
 * frames at all, so the wait is bounded, and the newest painted frame is used then.
 */
const SETTLE_MS = 300;
function settledFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise<void>((resolve) => {
    let first: number | null = null;
    let done = false;
    const finish = () => {
      if (!done && video.videoWidth > 0) {
        done = true;
        resolve();
      }
    };
    const onFrame = (now: number) => {
      first ??= now;
      if (video.videoWidth > 0 && now - first >= SETTLE_MS) finish();
      else if (!done) video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    const fallback = () => (video.videoWidth > 0 ? finish() : setTimeout(fallback, 50));
    setTimeout(fallback, SETTLE_MS * 2);
  });
}

/** A light border around a selected region: people drag tight around a code and cut its quiet zone. */
const QUIET_MARGIN = 24;

/** The selected rectangle of a native-size canvas, inside a white margin, as a new canvas. */
export function cropCanvas(source: HTMLCanvasElement, rect: { x: number; y: number; width: number; height: number }): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = rect.width + 2 * QUIET_MARGIN;
  canvas.height = rect.height + 2 * QUIET_MARGIN;
  const g = canvas.getContext('2d');
  if (!g) throw new ScanFailure({ code: 'capture.unavailable', params: { reason: 'canvas' } });
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(source, rect.x, rect.y, rect.width, rect.height, QUIET_MARGIN, QUIET_MARGIN, rect.width, rect.height);
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new ScanFailure({ code: 'capture.unavailable', params: { reason: 'encode' } }))),
      'image/png',
    ),
  );
}

/** WebP's RIFF container: "RIFF" size "WEBP" (developers.google.com/speed/webp/docs/riff_container). */
export async function isWebp(blob: Blob): Promise<boolean> {
  if (blob.type === 'image/webp') return true;
  const head = new Uint8Array(await blob.slice(0, 12).arrayBuffer());
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  return head.length === 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP';
}

/**
 * A WebP image as PNG, decoded by the browser's own image decoder (Chromium's libwebp): main
 * reads PNG and JPEG, and a lossless PNG keeps every pixel of the QR code.
 */
export async function webpToPng(blob: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new ScanFailure({ code: 'qr.unsupported-image', params: { reason: 'webp' } });
  }
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const g = canvas.getContext('2d');
  if (!g) throw new ScanFailure({ code: 'capture.unavailable', params: { reason: 'canvas' } });
  g.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvasToPng(canvas);
}

/** A file's bytes as standard base64 (what the `scan.scanImage` channel takes). */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = reader.result as string; // readAsDataURL: a data: URL
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new ScanFailure({ code: 'qr.unsupported-image', params: { reason: 'read' } }));
    reader.readAsDataURL(blob);
  });
}
