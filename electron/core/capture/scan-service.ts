import { randomUUID } from 'node:crypto';
import type { ScanResult, ScreenCapture } from '@shared/contract';
import type { Clock } from '@shared/clock';
import { AppError } from '@shared/result';
import type { OtpAccountSpec } from '../otp/spec';
import type { QrFrameDecoder } from '../qr/decoder';
import { accountsFromPayloads, scanFramesForAccounts } from '../qr/scan-accounts';
import { addAccounts, type AccountSink } from '../vault/add-accounts';
import { cropWithMargin, downscale, encodePng, type Rect } from './frame-tools';
import { captureErrors, type ScreenFrame, type ScreenSource } from './screen-source';

export type { AccountSink } from '../vault/add-accounts';

/** A "Select area" capture waits this long for the user's rectangle, then its pixels are dropped. */
export const CAPTURE_TTL_MS = 2 * 60_000;

interface PendingCapture {
  id: string;
  frames: ScreenFrame[];
  expiresAt: number;
}

/**
 * From pixels to accounts in the vault: every way of reading a QR code (all screens, a region of
 * a capture, an image file, a drop or a paste) goes through the one worker decoder and the one
 * parse path, and each account is added right away. The answer says per account whether it was
 * added or was already there; secrets stay here.
 */
export class ScanService {
  /** At most one capture is kept: a new "Select area" replaces the previous one. */
  private pending: PendingCapture | null = null;

  constructor(
    private readonly decoder: QrFrameDecoder,
    private readonly vault: AccountSink,
    private readonly screens: ScreenSource | null,
    private readonly clock: Clock,
  ) {}

  /** A "Select area" capture is open (the user is choosing a region): the app must not restart now. */
  get selecting(): boolean {
    return this.pending !== null && this.pending.expiresAt >= this.clock.now();
  }

  get capturesScreens(): boolean {
    return this.screens !== null;
  }

  async scanScreens(): Promise<ScanResult> {
    const frames = await this.capture();
    return this.importAccounts((await scanFramesForAccounts(this.decoder, frames)).accounts);
  }

  async scanImage(bytes: Uint8Array): Promise<ScanResult> {
    const payloads = await this.decoder.decodeImage(bytes);
    return this.importAccounts(accountsFromPayloads([...new Set(payloads)]).accounts);
  }

  /** "Select area", step 1: capture every screen, keep the native frames, hand out previews. */
  async captureForSelection(): Promise<ScreenCapture> {
    const frames = await this.capture();
    const id = randomUUID();
    this.pending = { id, frames, expiresAt: this.clock.now() + CAPTURE_TTL_MS };
    return {
      captureId: id,
      screens: frames.map((f) => {
        const preview = f.preview ?? pngPreview(f);
        return {
          index: f.index,
          width: f.width,
          height: f.height,
          preview: {
            mime: preview.mime,
            base64: Buffer.from(preview.bytes).toString('base64'),
            width: preview.width,
            height: preview.height,
          },
        };
      }),
    };
  }

  /** "Select area", step 2: decode only the chosen rectangle, at native resolution. */
  async scanRegion(captureId: string, screen: number, rect: Rect): Promise<ScanResult> {
    const pending = this.pending;
    if (!pending || pending.id !== captureId || pending.expiresAt < this.clock.now()) {
      this.pending = pending && pending.expiresAt >= this.clock.now() ? pending : null;
      throw new AppError('scan.capture-expired');
    }
    const frame = pending.frames.find((f) => f.index === screen);
    if (!frame) throw new AppError('scan.region-empty');
    const payloads = await this.decoder.decode(cropWithMargin(frame, rect));
    // Keep the capture while the result is shown, so a second try needs no new capture;
    // a successful import ends it (the screen has moved on).
    const result = await this.importAccounts(accountsFromPayloads([...new Set(payloads)]).accounts);
    this.pending = null;
    return result;
  }

  discard(captureId: string): void {
    if (this.pending?.id === captureId) this.pending = null;
  }

  private async capture(): Promise<ScreenFrame[]> {
    if (!this.screens) throw captureErrors.notSupported();
    const frames = await this.screens.capture();
    if (frames.length === 0) throw captureErrors.unavailable('no-sources');
    return frames;
  }

  private async importAccounts(specs: OtpAccountSpec[]): Promise<ScanResult> {
    return { accounts: await addAccounts(this.vault, specs) };
  }
}

function pngPreview(frame: ScreenFrame): NonNullable<ScreenFrame['preview']> {
  const small = downscale(frame);
  return { bytes: encodePng(small), mime: 'image/png', width: small.width, height: small.height };
}
