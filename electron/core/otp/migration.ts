import protobuf from 'protobufjs';
import { Secret } from 'otpauth';
import { ACCOUNT_TEXT_LIMITS } from '@shared/contract/names';
import { AppError, isAppError } from '@shared/result';
import { invalidUri } from './otpauth-uri';
import { toAccountSpec, type OtpAccountSpec } from './spec';

/**
 * Google Authenticator's "Transfer accounts" export: `otpauth-migration://offline?data=<base64>`
 * where data is a `MigrationPayload` protobuf. The schema below is the one Google ships
 * (and Aegis / 2FAS read); protobufjs does the wire format, we only map enums to our fields.
 */
const root = protobuf.Root.fromJSON({
  nested: {
    MigrationPayload: {
      fields: {
        otpParameters: { rule: 'repeated', type: 'OtpParameters', id: 1 },
        version: { type: 'int32', id: 2 },
        batchSize: { type: 'int32', id: 3 },
        batchIndex: { type: 'int32', id: 4 },
        batchId: { type: 'int32', id: 5 },
      },
      nested: {
        OtpParameters: {
          fields: {
            secret: { type: 'bytes', id: 1 },
            name: { type: 'string', id: 2 },
            issuer: { type: 'string', id: 3 },
            algorithm: { type: 'int32', id: 4 },
            digits: { type: 'int32', id: 5 },
            type: { type: 'int32', id: 6 },
            counter: { type: 'int64', id: 7 },
          },
        },
      },
    },
  },
});
const PayloadType = root.lookupType('MigrationPayload');

/** Enum values as numbers (the proto's Algorithm / DigitCount / OtpType); 0 means "unspecified". */
export interface MigrationOtpParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  counter: number;
}

export interface MigrationBatch {
  /** Zero-based, as Google writes it. */
  index: number;
  size: number;
  id: number;
}

export interface MigrationImport {
  accounts: OtpAccountSpec[];
  batch: MigrationBatch | null;
}

const ALGORITHMS: Record<number, string> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512', 4: 'MD5' };
const DIGITS: Record<number, number> = { 0: 6, 1: 6, 2: 8 };
const TYPES: Record<number, string> = { 0: 'totp', 1: 'hotp', 2: 'totp' };
const MIGRATION_RE = /^otpauth-migration:\/\/([^/?#]*)\/?\?([^#]*)$/i;

export function isMigrationUri(text: string): boolean {
  return /^otpauth-migration:\/\//i.test(text.trim());
}

export function parseMigrationUri(uri: string): MigrationImport {
  const text = uri.trim();
  if (!isMigrationUri(text)) throw new AppError('otp.not-an-authenticator-code');
  if (text.length > ACCOUNT_TEXT_LIMITS.uri) throw invalidUri('too-long');
  const match = MIGRATION_RE.exec(text);
  if (!match) throw invalidUri('syntax');
  if ((match[1] ?? '').toLowerCase() !== 'offline') throw invalidUri('host');
  const payload = decodePayload(base64Bytes(rawParam(match[2] ?? '', 'data')));

  const entries = payload.otpParameters;
  if (entries.length === 0) throw invalidUri('no-accounts');
  const accounts = entries.map((entry, i) => {
    try {
      return toSpec(entry);
    } catch (e) {
      // Keep the specific code (bad secret, MD5, ...) and say which account of the export it was.
      if (isAppError(e)) throw new AppError(e.code, { ...e.params, account: i + 1 }, { cause: e });
      throw e;
    }
  });

  let batch: MigrationBatch | null = null;
  if (payload.batchSize > 0) {
    if (payload.batchIndex < 0 || payload.batchIndex >= payload.batchSize) throw invalidUri('batch');
    batch = { index: payload.batchIndex, size: payload.batchSize, id: payload.batchId };
  }
  return { accounts, batch };
}

/** Builds an export the way Google Authenticator does; for tests and fixtures. */
export function encodeMigrationUri(
  entries: Array<Partial<MigrationOtpParameters> & { secret: Uint8Array }>,
  batch: MigrationBatch | null = { index: 0, size: 1, id: 1 },
): string {
  const message = PayloadType.fromObject({
    otpParameters: entries.map((e) => ({ name: '', issuer: '', algorithm: 1, digits: 1, type: 2, counter: 0, ...e })),
    version: 1,
    ...(batch ? { batchSize: batch.size, batchIndex: batch.index, batchId: batch.id } : {}),
  });
  const base64 = Buffer.from(PayloadType.encode(message).finish()).toString('base64');
  return `otpauth-migration://offline?data=${encodeURIComponent(base64)}`;
}

/** The proto entry for a validated spec (the inverse of `toSpec`). */
export function migrationEntryFromSpec(spec: OtpAccountSpec): MigrationOtpParameters {
  const pick = (table: Record<number, string | number>, value: string | number): number =>
    Number(Object.entries(table).find(([k, v]) => k !== '0' && v === value)?.[0] ?? 0);
  return {
    secret: Secret.fromBase32(spec.secret).bytes,
    name: spec.label,
    issuer: spec.issuer,
    algorithm: pick(ALGORITHMS, spec.algorithm),
    digits: pick(DIGITS, spec.digits),
    type: pick(TYPES, spec.type),
    counter: spec.counter,
  };
}

function toSpec(entry: MigrationOtpParameters): OtpAccountSpec {
  const secret = entry.secret.length > 0 ? new Secret({ buffer: copyBuffer(entry.secret) }).base32 : '';
  let issuer = entry.issuer.trim();
  let name = entry.name.trim();
  // Google writes `name` as "Issuer:account" for many accounts; drop the prefix we already have,
  // or take the issuer from it when the field is empty (Aegis does the same).
  const colon = name.indexOf(':');
  if (colon >= 0) {
    const prefix = name.slice(0, colon).trim();
    if (!issuer) issuer = prefix;
    if (prefix === issuer) name = name.slice(colon + 1).trim();
  }
  return toAccountSpec({
    type: TYPES[entry.type] ?? `enum-${entry.type}`,
    issuer,
    label: name,
    secret,
    algorithm: ALGORITHMS[entry.algorithm] ?? `enum-${entry.algorithm}`,
    digits: digitsOf(entry.digits),
    counter: entry.counter,
  });
}

function digitsOf(value: number): number {
  const digits = DIGITS[value];
  // Same code toAccountSpec uses, with the raw enum value since there is no digit count to report.
  if (digits === undefined) throw new AppError('otp.unsupported-digits', { digits: `enum-${value}` });
  return digits;
}

interface DecodedPayload {
  otpParameters: MigrationOtpParameters[];
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

function decodePayload(bytes: Uint8Array): DecodedPayload {
  let obj: Record<string, unknown>;
  try {
    obj = PayloadType.toObject(PayloadType.decode(bytes), { longs: String, defaults: true, arrays: true });
  } catch (e) {
    throw invalidUri('protobuf', e);
  }
  const list = obj.otpParameters as Array<Record<string, unknown>>;
  return {
    otpParameters: list.map((p) => {
      const counter = Number(p.counter);
      // int64 beyond 2^53 cannot be represented exactly; toAccountSpec refuses non-safe integers.
      return {
        secret: p.secret as Uint8Array,
        name: p.name as string,
        issuer: p.issuer as string,
        algorithm: p.algorithm as number,
        digits: p.digits as number,
        type: p.type as number,
        counter: Number.isSafeInteger(counter) ? counter : Number.NaN,
      };
    }),
    batchSize: obj.batchSize as number,
    batchIndex: obj.batchIndex as number,
    batchId: obj.batchId as number,
  };
}

/** The raw `data` value: split by hand because URLSearchParams turns a literal '+' of base64 into a space. */
function rawParam(query: string, name: string): string {
  const values = query
    .split('&')
    .filter((part) => part.split('=')[0] === name)
    .map((part) => part.slice(name.length + 1));
  if (values.length === 0 || values[0] === '') throw invalidUri('data-missing');
  if (values.length > 1) throw invalidUri('duplicate-data');
  try {
    return decodeURIComponent(values[0] ?? '');
  } catch (e) {
    throw invalidUri('data-encoding', e);
  }
}

/** Standard or URL-safe alphabet, padded or not; spaces are '+' signs a form decoder already ate. */
function base64Bytes(value: string): Uint8Array {
  const text = value
    .replace(/ /g, '+')
    .replace(/[\r\n\t]/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  const body = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]+$/.test(body) || body.length % 4 === 1 || text.length - body.length > 2) {
    throw invalidUri('base64');
  }
  return new Uint8Array(Buffer.from(body, 'base64'));
}

function copyBuffer(bytes: Uint8Array): ArrayBuffer {
  // protobufjs hands out views into the whole message buffer; Secret needs exactly the key bytes.
  return bytes.slice().buffer;
}
