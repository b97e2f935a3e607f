import { createDecipheriv, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { AppError } from '@shared/result';
import { collect, entryName, fromFields, type ExportEntry, type ImportedExport } from './collect';

/**
 * Aegis vault export (format: Aegis docs/vault.md, "Vault format"). Plain: `db.entries`.
 * Encrypted: `db` is base64 AES-256-GCM ciphertext under a master key, which each password slot
 * (type 1) holds wrapped with AES-256-GCM under scrypt(password, salt, n, r, p).
 */
const Hex = z.string().regex(/^[0-9a-f]*$/i);
const KeyParams = z.object({ nonce: Hex, tag: Hex });
const Slot = z
  .object({
    type: z.number(),
    key: Hex,
    key_params: KeyParams,
    n: z.number().int().optional(),
    r: z.number().int().optional(),
    p: z.number().int().optional(),
    salt: Hex.optional(),
  })
  .loose();
const Entry = z
  .object({
    type: z.string(),
    name: z.string().default(''),
    issuer: z.string().default(''),
    info: z
      .object({
        secret: z.string().default(''),
        algo: z.string().optional(),
        digits: z.number().optional(),
        period: z.number().optional(),
        counter: z.number().optional(),
      })
      .loose(),
  })
  .loose();
const Db = z.object({ entries: z.array(z.unknown()) }).loose();
export const AegisFileSchema = z.object({
  version: z.number(),
  header: z.object({ slots: z.array(Slot).nullable(), params: KeyParams.nullable() }),
  db: z.union([z.string(), Db]),
});
type AegisFile = z.infer<typeof AegisFileSchema>;

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

function gcmOpen(key: Buffer, nonce: string, tag: string, data: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'hex'));
  d.setAuthTag(Buffer.from(tag, 'hex'));
  return Buffer.concat([d.update(data), d.final()]);
}

async function masterKey(file: AegisFile, password: string): Promise<Buffer> {
  const slots = (file.header.slots ?? []).filter((s) => s.type === 1 && s.salt && s.n && s.r && s.p);
  if (slots.length === 0) throw new AppError('import.unsupported-encryption', { app: 'Aegis' });
  for (const s of slots) {
    const n = s.n ?? 0,
      r = s.r ?? 0,
      p = s.p ?? 0;
    // Aegis uses n = 2^15, r = 8: scrypt needs 128 * n * r bytes; cap what a hostile file can ask for.
    if (n > 2 ** 20 || r > 32 || p > 16) throw new AppError('import.malformed', { app: 'Aegis' });
    const kek = await scryptAsync(password, Buffer.from(s.salt ?? '', 'hex'), 32, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 });
    try {
      return gcmOpen(kek, s.key_params.nonce, s.key_params.tag, Buffer.from(s.key, 'hex'));
    } catch {
      // Not this slot's password; try the next one.
    }
  }
  throw new AppError('import.wrong-password');
}

function entries(db: unknown): ExportEntry[] {
  const parsed = Db.safeParse(db);
  if (!parsed.success) throw new AppError('import.malformed', { app: 'Aegis' });
  return parsed.data.entries.map((raw, i) => {
    const e = Entry.safeParse(raw);
    if (!e.success)
      return {
        name: `#${i + 1}`,
        toSpec: () => {
          throw new AppError('import.malformed', { app: 'Aegis' });
        },
      };
    const { type, name, issuer, info } = e.data;
    return {
      name: entryName(issuer, name, `#${i + 1}`),
      toSpec: fromFields({
        type,
        issuer,
        label: name,
        secret: info.secret,
        algorithm: info.algo,
        digits: info.digits,
        period: info.period,
        counter: info.counter,
      }),
    };
  });
}

export async function importAegis(file: AegisFile, password: string | undefined): Promise<ImportedExport> {
  if (typeof file.db !== 'string') return collect('aegis', entries(file.db));
  if (password === undefined) throw new AppError('import.password-required', { app: 'Aegis' });
  const key = await masterKey(file, password);
  const params = file.header.params;
  if (!params) throw new AppError('import.malformed', { app: 'Aegis' });
  let plain: Buffer;
  try {
    plain = gcmOpen(key, params.nonce, params.tag, Buffer.from(file.db, 'base64'));
  } catch {
    // The password opened the slot, so a failing db is a changed or cut file.
    throw new AppError('import.tampered', { app: 'Aegis' });
  }
  return collect('aegis', entries(JSON.parse(plain.toString('utf8'))));
}
