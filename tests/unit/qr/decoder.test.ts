import { afterAll, describe, expect, it } from 'vitest';
import { InlineQrDecoder, QrDecoder } from '../../../electron/core/qr/decoder';
import { sourceQrWorkerUrl, builtQrWorkerUrl } from '../../../electron/core/qr/worker-url';
import { makeFrame, sampleOtpauthUri } from '../../../bench/synthetic-frames';
import { toPng } from './encode-image';

const codeFrame = (n: number, inverted = false) => {
  const text = sampleOtpauthUri(n);
  return { text, frame: makeFrame(1920, 1080, [{ text, x: 300 + n * 10, y: 200, moduleSize: 3, inverted }], n).frame };
};

describe('QrDecoder (worker thread, end to end)', () => {
  const decoder = new QrDecoder(sourceQrWorkerUrl());
  afterAll(() => decoder.close());

  it('decodes a frame in the worker and takes over its pixel buffer', async () => {
    const { text, frame } = codeFrame(31);
    expect(await decoder.decode(frame)).toEqual([text]);
    // Transferred, not copied: the capture's buffer now belongs to the worker.
    expect(frame.data.byteLength).toBe(0);
  });

  it("keeps the caller's buffer with { copy: true } and answers parallel requests in order", async () => {
    const a = codeFrame(32);
    const b = codeFrame(33, true);
    const results = await Promise.all([decoder.decode(a.frame, { copy: true }), decoder.decode(b.frame)]);
    expect(results).toEqual([[a.text], [b.text]]);
    expect(a.frame.data.byteLength).toBe(1920 * 1080 * 4);
  });

  it('decodes image files off-thread and reports image errors with their code', async () => {
    const { text, frame } = codeFrame(34);
    expect(await decoder.decodeImage(toPng(frame))).toEqual([text]);
    await expect(decoder.decodeImage(new TextEncoder().encode('garbage'))).rejects.toMatchObject({
      code: 'qr.unsupported-image',
    });
  });

  it('rejects a malformed frame before it reaches the worker', async () => {
    await expect(decoder.decode({ data: new Uint8Array(8), width: 10, height: 10 })).rejects.toMatchObject({ code: 'qr.invalid-frame' });
  });

  it('reports [] for a frame without a code, and refuses work after close()', async () => {
    const other = new QrDecoder(sourceQrWorkerUrl());
    expect(await other.decode(makeFrame(640, 480, [], 5).frame)).toEqual([]);
    await other.close();
    await expect(other.decode(codeFrame(35).frame)).rejects.toMatchObject({ code: 'qr.decoder-closed' });
  });

  it('fails pending work with qr.decoder-crashed when the worker file cannot run', async () => {
    const broken = new QrDecoder(new URL('./no-such-worker.mjs', sourceQrWorkerUrl()));
    await expect(broken.decode(codeFrame(36).frame)).rejects.toMatchObject({ code: 'qr.decoder-crashed' });
    await broken.close();
  });

  it('resolves the built worker next to the main bundle', () => {
    expect(builtQrWorkerUrl('file:///app/out/main/index.js').href).toBe('file:///app/out/main/qr-worker.js');
  });
});

describe('InlineQrDecoder', () => {
  it('implements the same port on the calling thread', async () => {
    const { text, frame } = codeFrame(37);
    const inline = new InlineQrDecoder();
    expect(await inline.decode(frame)).toEqual([text]);
    expect(await inline.decodeImage(toPng(frame))).toEqual([text]);
    await inline.close();
  });
});
