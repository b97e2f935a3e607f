import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import type { Frame } from '../../../electron/core/qr/frame';

/** Test fixtures: a frame as PNG or JPEG file bytes (what a screenshot file or a paste holds). */
export function toPng(frame: Frame): Uint8Array {
  const png = new PNG({ width: frame.width, height: frame.height });
  png.data = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.width * frame.height * 4);
  return new Uint8Array(PNG.sync.write(png));
}

export function toJpeg(frame: Frame, quality = 85): Uint8Array {
  const data = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.width * frame.height * 4);
  return new Uint8Array(jpeg.encode({ data, width: frame.width, height: frame.height }, quality).data);
}
