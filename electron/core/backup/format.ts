import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { OTP_ALGORITHMS } from '@shared/contract/names';
import { AppError } from '@shared/result';

/**
 * The app's own encrypted backup file (docs/backup-format.md). Aegis's slot design: a random
 * 256-bit master key encrypts the accounts (AES-256-GCM); a password slot holds that key wrapped
 * with AES-256-GCM under Argon2id(password). So a wrong password (the slot does not open) and a
 * changed file (the slot opens, the data does not) are told apart, and automatic backups reuse
 * one derived slot instead of keeping the password. The header is the data's additional
 * authenticated data: changing a parameter is detected like changing the data.
 */
export const BACKUP_FORMAT = 'flex-connect-backup';
export const BACKUP_VERSION = 1;

/** OWASP Password Storage Cheat Sheet, Argon2id: m = 19 MiB, t = 2, p = 1 (the first of its equal options). */
export const ARGON2_PARAMS = { memoryKiB: 19_456, iterations: 2, parallelism: 1 } as const;
/** What a file may ask of us: enough for stronger future defaults, not enough to exhaust memory. */
const MAX_MEMORY_KIB = 1024 * 1024;
const MAX_ITERATIONS = 20;

/** @node-rs/argon2's `Algorithm.Argon2id` (an ambient const enum, which isolated modules cannot read). */
const ARGON2ID = 2;

const B64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const KdfSchema = z.object({
  name: z.literal('argon2id'),
  memoryKiB: z.number().int().min(8).max(MAX_MEMORY_KIB),
  iterations: z.number().int().min(1).max(MAX_ITERATIONS),
  parallelism: z.number().int().min(1).max(16),
  salt: B64,
});
const SlotSchema = z.object({ kdf: KdfSchema, nonce: B64, wrappedKey: B64 });
export type PasswordSlot = z.infer<typeof SlotSchema>;

const FileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  cipher: z.literal('aes-256-gcm'),
  slot: SlotSchema,
  nonce: B64,
  data: B64,
});

/** One account as the backup keeps it; unknown fields are ignored on restore (room for later ones). */
export const BackupAccountSchema = z
  .object({
    type: z.string().max(16),
    issuer: z.string().max(200),
    label: z.string().max(200),
    secret: z.string().max(1024),
    algorithm: z.enum(OTP_ALGORITHMS),
    digits: z.number().int(),
    period: z.number().int(),
    counter: z.number().int().min(0),
    pinned: z.boolean().default(false),
    position: z.number().int().default(0),
    /** Group names. This build has no groups yet; a backup from one that has keeps them here. */
    groups: z.array(z.string().max(200)).default([]),
  })
  .loose();
export type BackupAccount = z.output<typeof BackupAccountSchema>;

export const BackupPayloadSchema = z
  .object({
    exportedAt: z.string(),
    app: z.string(),
    accounts: z.array(z.unknown()),
    groups: z.array(z.object({ name: z.string().max(200) }).loose()).default([]),
  })
  .loose();
export interface BackupPayload {
  exportedAt: string;
  app: string;
  accounts: BackupAccount[];
  groups: Array<{ name: string }>;
}
/** What a file holds once opened: accounts still unchecked, so one a build cannot read is reported by name. */
export type OpenedBackup = Omit<BackupPayload, 'accounts'> & { accounts: unknown[] };

/** A master key with its password slot; kept by automatic backups instead of the password. */
export interface BackupKey {
  masterKey: Buffer;
  slot: PasswordSlot;
}

async function derive(password: string, kdf: z.infer<typeof KdfSchema>): Promise<Buffer> {
  return hashRaw(password, {
    algorithm: ARGON2ID,
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt: Buffer.from(kdf.salt, 'base64'),
  });
}

function seal(key: Buffer, plain: Buffer, aad: Buffer): { nonce: Buffer; sealed: Buffer } {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(aad);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return { nonce, sealed: Buffer.concat([body, c.getAuthTag()]) };
}

/** Throws (node's own auth failure) when the key is wrong or anything was changed. */
function open(key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, nonce);
  d.setAAD(aad);
  d.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]);
}

const SLOT_AAD = Buffer.from(`${BACKUP_FORMAT}/slot`);

export async function createBackupKey(password: string): Promise<BackupKey> {
  const kdf = { name: 'argon2id' as const, ...ARGON2_PARAMS, salt: randomBytes(16).toString('base64') };
  const masterKey = randomBytes(32);
  const { nonce, sealed } = seal(await derive(password, kdf), masterKey, SLOT_AAD);
  return { masterKey, slot: { kdf, nonce: nonce.toString('base64'), wrappedKey: sealed.toString('base64') } };
}

/** The header as authenticated data: built from the parsed values in a fixed order, not from the file's bytes. */
function headerAad(version: number, slot: PasswordSlot, nonce: string): Buffer {
  const { kdf } = slot;
  return Buffer.from(
    JSON.stringify([BACKUP_FORMAT, version, 'aes-256-gcm', kdf.name, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt, slot.nonce, slot.wrappedKey, nonce]),
  );
}

export function sealBackup(payload: BackupPayload, key: BackupKey): string {
  const plain = Buffer.from(JSON.stringify(payload), 'utf8');
  const nonce = randomBytes(12);
  const nonceB64 = nonce.toString('base64');
  const c = createCipheriv('aes-256-gcm', key.masterKey, nonce);
  c.setAAD(headerAad(BACKUP_VERSION, key.slot, nonceB64));
  const body = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  const file = { format: BACKUP_FORMAT, version: BACKUP_VERSION, cipher: 'aes-256-gcm', slot: key.slot, nonce: nonceB64, data: body.toString('base64') };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Whether text looks like this app's backup (also when it was cut off), before any parsing. */
export function looksLikeBackup(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"flex-connect-backup"/.test(text);
}

/**
 * Opens a backup file. Each failure has its own code and nothing is returned half: a cut-off file
 * `backup.truncated`, a wrong password `backup.wrong-password`, a file changed after it was
 * written `backup.tampered`, a newer format `backup.newer-version`.
 */
export async function openBackup(text: string, password: string): Promise<OpenedBackup> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('backup.truncated');
  }
  const version = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number().int() }).safeParse(json);
  if (!version.success) throw new AppError('backup.tampered');
  if (version.data.version > BACKUP_VERSION) throw new AppError('backup.newer-version', { found: version.data.version, supported: BACKUP_VERSION });
  const file = FileSchema.safeParse(json);
  if (!file.success) throw new AppError('backup.tampered');
  const { slot } = file.data;
  const wrapped = Buffer.from(slot.wrappedKey, 'base64');
  const slotNonce = Buffer.from(slot.nonce, 'base64');
  const nonce = Buffer.from(file.data.nonce, 'base64');
  const data = Buffer.from(file.data.data, 'base64');
  if (wrapped.length !== 48 || slotNonce.length !== 12 || nonce.length !== 12) throw new AppError('backup.tampered');
  if (data.length < 17) throw new AppError('backup.truncated');
  let masterKey: Buffer;
  try {
    masterKey = open(await derive(password, slot.kdf), slotNonce, wrapped, SLOT_AAD);
  } catch {
    throw new AppError('backup.wrong-password');
  }
  let plain: Buffer;
  try {
    plain = open(masterKey, nonce, data, headerAad(file.data.version, slot, file.data.nonce));
  } catch {
    throw new AppError('backup.tampered');
  }
  const payload = BackupPayloadSchema.safeParse(JSON.parse(plain.toString('utf8')));
  if (!payload.success) throw new AppError('backup.tampered');
  return payload.data;
}
