import { clipboard, ClipboardItem } from 'electron';
import { concealedFormats, type ClipboardPort } from '../core/clipboard/clipboard-port';

/**
 * The OS clipboard through Electron's W3C-style clipboard API (Electron 44+). The text and the
 * platform's "do not keep this" markers go in ONE `write()`, which Electron commits atomically:
 * writing them one after another would let each write replace the last. Raw platform formats use
 * Electron's `electron application/osclipboard;format="<name>"` custom format, whose payload is
 * written verbatim (the DWORD 0 of the Windows formats must arrive as exactly four zero bytes).
 */
export class ElectronClipboard implements ClipboardPort {
  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  async writeConcealed(text: string): Promise<void> {
    const items: Record<string, string | Blob> = { 'text/plain': text };
    for (const [format, bytes] of Object.entries(concealedFormats(this.platform, text))) {
      items[`electron application/osclipboard;format="${format}"`] = new Blob([bytes]);
    }
    try {
      await clipboard.write([new ClipboardItem(items)]);
    } catch {
      // A platform that refuses a marker format must not stop the copy itself: the plain text
      // still goes on, and is still cleared after 30 seconds.
      await clipboard.writeText(text);
    }
  }

  readText(): Promise<string> {
    return clipboard.readText();
  }

  clear(): Promise<void> {
    clipboard.clear();
    return Promise.resolve();
  }
}
