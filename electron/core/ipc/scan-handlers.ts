import type { ScanResult } from '@shared/contract';
import type { ScanService } from '../capture/scan-service';
import type { Handlers } from './dispatcher';

type ScanChannel = Extract<keyof Handlers, `scan.${string}`>;

/**
 * The QR scan channels. The contract already checked the image's size and base64 alphabet;
 * `vault.changed` goes out whenever an import may have added something (also when it stopped
 * half-way on a keychain error), so every window's list is current.
 */
export function createScanHandlers(scan: ScanService, vaultChanged: () => void): Pick<Handlers, ScanChannel> {
  const importing = async (run: () => Promise<ScanResult>): Promise<ScanResult> => {
    let result: ScanResult | null = null;
    try {
      result = await run();
      return result;
    } finally {
      if (!result || result.accounts.some((a) => a.status === 'added')) vaultChanged();
    }
  };
  return {
    'scan.scanScreens': () => importing(() => scan.scanScreens()),
    'scan.scanImage': ({ imageBase64 }) => importing(() => scan.scanImage(new Uint8Array(Buffer.from(imageBase64, 'base64')))),
    'scan.captureScreen': () => scan.captureForSelection(),
    'scan.scanRegion': ({ captureId, screen, x, y, width, height }) =>
      importing(() => scan.scanRegion(captureId, screen, { x, y, width, height })),
    'scan.discardCapture': ({ captureId }) => {
      scan.discard(captureId);
      return { done: true } as const;
    },
  };
}
