/**
 * The port to the OS clipboard, implemented in electron/main with Electron's `clipboard`. Core
 * never touches the clipboard itself, so the clearing rules below run (and are tested) in plain Node.
 */
export interface ClipboardPort {
  /** Writes text marked as sensitive where the OS has a way to say so (see `concealedFormats`). */
  writeConcealed(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}

/**
 * The raw OS clipboard formats that keep a copied code out of clipboard history, cloud sync and
 * clipboard managers, by platform. Written together with the text in one atomic write.
 * - Windows (documented by Microsoft under "Cloud Clipboard and Clipboard History Formats"):
 *   `ExcludeClipboardContentFromMonitorProcessing` (its presence asks every monitor to skip the
 *   content), and `CanIncludeInClipboardHistory` / `CanUploadToCloudClipboard` as a DWORD 0 for
 *   Win+V history and the cloud clipboard. KeePassXC and arboard write the same three.
 * - macOS: `org.nspasteboard.ConcealedType` (nspasteboard.org), honoured by Maccy, Alfred,
 *   Paste, Raycast and other clipboard managers; its data is the text itself.
 * - Linux: `x-kde-passwordManagerHint` = `secret`, which KDE's Klipper honours. GNOME has no
 *   such convention, so there the 30-second clearing is the only protection.
 */
export function concealedFormats(platform: string, text: string): Record<string, Uint8Array<ArrayBuffer>> {
  const dwordZero = new Uint8Array(4);
  switch (platform) {
    case 'win32':
      return {
        ExcludeClipboardContentFromMonitorProcessing: dwordZero,
        CanIncludeInClipboardHistory: dwordZero,
        CanUploadToCloudClipboard: dwordZero,
      };
    case 'darwin':
      return { 'org.nspasteboard.ConcealedType': new TextEncoder().encode(text) };
    default:
      return { 'x-kde-passwordManagerHint': new TextEncoder().encode('secret') };
  }
}
