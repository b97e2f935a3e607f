import { desktopCapturer, screen, systemPreferences } from 'electron';
import {
  captureErrors,
  framesFromCaptures,
  thumbnailSizeFor,
  type CapturedBitmap,
  type ScreenFrame,
  type ScreenSource,
} from '../core/capture/screen-source';

/** Preview width for the "Select area" overlay (NativeImage resizes natively, in C++). */
const PREVIEW_WIDTH = 1600;

/**
 * The desktopCapturer adapter of the ScreenSource port. Thin on purpose: the logic it needs
 * (thumbnail box, BGRA to RGBA, display order, which empty answer means what) is pure code in
 * electron/core/capture/screen-source.ts with unit tests; this only talks to Electron.
 */
export class ElectronScreenSource implements ScreenSource {
  async capture(): Promise<ScreenFrame[]> {
    if (process.platform === 'darwin') {
      // 'not-determined' is let through: the first getSources() makes macOS ask the user.
      const status = systemPreferences.getMediaAccessStatus('screen');
      if (status === 'denied' || status === 'restricted') throw captureErrors.permissionDenied('darwin');
    }
    const displays = screen.getAllDisplays();
    let sources: Electron.DesktopCapturerSource[];
    try {
      // Thumbnails at each display's size x scale factor: the native pixels, not the DIP size.
      sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: thumbnailSizeFor(displays), fetchWindowIcons: false });
    } catch {
      // Wayland without the desktop portal (or a remote session) has no capture backend.
      throw process.platform === 'darwin' ? captureErrors.permissionDenied('darwin') : captureErrors.unavailable('no-backend');
    }
    const captures: CapturedBitmap[] = sources.map((source) => {
      const image = source.thumbnail;
      const { width, height } = image.getSize();
      const empty = image.isEmpty() || width === 0 || height === 0;
      const small = empty ? null : image.resize({ width: Math.min(PREVIEW_WIDTH, width), quality: 'good' });
      return {
        displayId: source.display_id,
        width: empty ? 0 : width,
        height: empty ? 0 : height,
        bitmap: empty ? new Uint8Array(0) : new Uint8Array(image.toBitmap()),
        ...(small ? { preview: { bytes: new Uint8Array(small.toJPEG(85)), mime: 'image/jpeg' as const, ...small.getSize() } } : {}),
      };
    });
    return framesFromCaptures(captures, displays, process.platform);
  }
}
