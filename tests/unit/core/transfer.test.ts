import { describe, expect, it } from 'vitest';
import { decodeQrCodes, loadImage } from '../../../electron/core/qr';
import { parseMigrationUri } from '../../../electron/core/otp/migration';
import { parseOtpauthUri } from '../../../electron/core/otp/otpauth-uri';
import { toAccountSpec, type OtpAccountSpec } from '../../../electron/core/otp/spec';
import { migrationUris, otpauthUri, transferQr } from '../../../electron/core/vault/transfer';

/** "Transfer out": what the QR pictures say reads back, through the app's own importers, as the same accounts. */
const specs: OtpAccountSpec[] = Array.from({ length: 12 }, (_, i) =>
  toAccountSpec({
    issuer: `Service ${i}`,
    label: `anna+${i}@example.com`,
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PX' + 'ABCDEFGHIJKL'[i]!,
    ...(i === 1 ? { algorithm: 'SHA256', digits: 8 } : {}),
    ...(i === 2 ? { type: 'hotp', counter: 7 } : {}),
  }),
);

const readImage = (dataUrl: string): Promise<string[]> => decodeQrCodes(loadImage(Buffer.from(dataUrl.split(',')[1] ?? '', 'base64')));

describe('transfer out', () => {
  it('one account: an otpauth:// link the import reads back the same', async () => {
    const uri = otpauthUri(specs[2]!);
    expect(parseOtpauthUri(uri)).toEqual(specs[2]);
    const qr = await transferQr([specs[1]!], 1);
    expect(qr.kind).toBe('otpauth');
    expect(qr.images).toHaveLength(1);
    const [text] = await readImage(qr.images[0]!);
    expect(parseOtpauthUri(text!)).toEqual(specs[1]);
  });

  it('several: Google Authenticator migration codes, 10 to a code, batches numbered, read back by the GA import', async () => {
    const uris = migrationUris(specs, 42);
    expect(uris).toHaveLength(2);
    const read = uris.map(parseMigrationUri);
    expect(read.map((r) => r.batch)).toEqual([
      { index: 0, size: 2, id: 42 },
      { index: 1, size: 2, id: 42 },
    ]);
    // SHA256 with 8 digits is what GA's enums carry; the rest round-trips field by field.
    expect(read.flatMap((r) => r.accounts)).toEqual(specs);

    const qr = await transferQr(specs.slice(0, 3), 7);
    expect(qr.kind).toBe('migration');
    const [text] = await readImage(qr.images[0]!);
    expect(parseMigrationUri(text!).accounts).toEqual(specs.slice(0, 3));
  });
});
