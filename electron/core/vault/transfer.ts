import QRCode from 'qrcode';
import { HOTP, TOTP } from 'otpauth';
import type { TransferQr } from '@shared/contract';
import { encodeMigrationUri, migrationEntryFromSpec } from '../otp/migration';
import type { OtpAccountSpec } from '../otp/spec';

/** Google Authenticator puts this many accounts in one QR code of its "Transfer accounts" export. */
const MIGRATION_BATCH = 10;

/** The standard otpauth:// link of one account (Key Uri Format), built by otpauth, not by hand. */
export function otpauthUri(spec: OtpAccountSpec): string {
  const common = { issuer: spec.issuer, label: spec.label, secret: spec.secret, algorithm: spec.algorithm, digits: spec.digits };
  return spec.type === 'hotp'
    ? new HOTP({ ...common, counter: spec.counter }).toString()
    : new TOTP({ ...common, period: spec.period }).toString();
}

/**
 * Google Authenticator migration links for several accounts, MIGRATION_BATCH to a code, with the
 * same protobuf schema the import reads (otp/migration.ts), batch index/size/id filled in as
 * Google writes them. `batchId` ties the codes of one export together.
 */
export function migrationUris(specs: readonly OtpAccountSpec[], batchId: number): string[] {
  const size = Math.ceil(specs.length / MIGRATION_BATCH);
  return Array.from({ length: size }, (_, index) =>
    encodeMigrationUri(specs.slice(index * MIGRATION_BATCH, (index + 1) * MIGRATION_BATCH).map(migrationEntryFromSpec), {
      index,
      size,
      id: batchId,
    }),
  );
}

const toImage = (text: string): Promise<string> => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });

/**
 * "Transfer out" (issue 12): one account as its otpauth:// QR code, several as Google
 * Authenticator migration codes. What crosses to the renderer is the picture only; the renderer
 * asked for it after the user confirmed that anyone who sees it can copy the account.
 */
export async function transferQr(specs: readonly OtpAccountSpec[], batchId: number): Promise<TransferQr> {
  if (specs.length === 1 && specs[0]) return { kind: 'otpauth', images: [await toImage(otpauthUri(specs[0]))] };
  return { kind: 'migration', images: await Promise.all(migrationUris(specs, batchId).map(toImage)) };
}
