import { beforeEach, describe, expect, it, vi } from 'vitest';

// The adapter's only dependency, replaced: what it hands to Electron's clipboard is what matters.
const written: Array<Record<string, unknown>> = [];
const electron = vi.hoisted(() => ({
  write: vi.fn<(items: Array<{ items: Record<string, unknown> }>) => Promise<void>>(),
  writeText: vi.fn<(text: string) => Promise<void>>(),
}));
vi.mock('electron', () => ({
  clipboard: { write: electron.write, writeText: electron.writeText, readText: () => Promise.resolve(''), clear: () => {} },
  ClipboardItem: class {
    constructor(readonly items: Record<string, unknown>) {}
  },
}));

const { ElectronClipboard } = await import('../../../electron/main/clipboard');

describe('ElectronClipboard', () => {
  beforeEach(() => {
    written.length = 0;
    electron.write.mockReset().mockImplementation((items) => {
      written.push(items[0]!.items);
      return Promise.resolve();
    });
    electron.writeText.mockReset().mockResolvedValue(undefined);
  });

  it('writes the text and the Windows markers in one write, as raw OS formats', async () => {
    await new ElectronClipboard('win32').writeConcealed('123456');
    expect(electron.write).toHaveBeenCalledTimes(1);
    const [item] = written;
    expect(item!['text/plain']).toBe('123456');
    for (const f of ['ExcludeClipboardContentFromMonitorProcessing', 'CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard']) {
      const blob = item![`electron application/osclipboard;format="${f}"`] as Blob;
      expect([...new Uint8Array(await blob.arrayBuffer())], f).toEqual([0, 0, 0, 0]);
    }
  });

  it('marks the copy concealed on macOS', async () => {
    await new ElectronClipboard('darwin').writeConcealed('123456');
    expect(Object.keys(written[0]!)).toEqual(['text/plain', 'electron application/osclipboard;format="org.nspasteboard.ConcealedType"']);
  });

  it('still copies the text when the OS refuses a marker format', async () => {
    electron.write.mockRejectedValue(new Error('unsupported format'));
    await new ElectronClipboard('linux').writeConcealed('123456');
    expect(electron.writeText).toHaveBeenCalledWith('123456');
  });
});
