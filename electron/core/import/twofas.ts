import { createDecipheriv, pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { AppError } from '@shared/result';
import { collect, entryName, fromFields, type ExportEntry, type ImportedExport } from './collect';

/**
 * 2FAS backup (`.2fas`, schema 3 and 4; format as 2FAS's Android app writes it and Aegis's
 * TwoFASImporter reads it). Plain: `services`. Encrypted: `servicesEncrypted` is
 * "ciphertext+tag:salt:iv" in base64, AES-256-GCM under PBKDF2-HMAC-SHA256(password, salt, 10,000).
 */
const Service = z
  .object({
    name: z.string().default(''),
    secret: z.string().default(''),
    otp: z
      .object({
        account: z.string().optional(),
        label: z.string().optional(),
        issuer: z.string().optional(),
        digits: z.number().optional(),
        period: z.number().optional(),
        algorithm: z.string().optional(),
        tokenType: z.string().optional(),
        counter: z.number().optional(),
      })
      .loose()
      .default({}),
  })
  .loose();
export const TwoFasFileSchema = z
  .object({ schemaVersion: z.number(), services: z.array(z.unknown()), servicesEncrypted: z.string().optional() })
  .loose();
type TwoFasFile = z.infer<typeof TwoFasFileSchema>;

const pbkdf2Async = promisify(pbkdf2);
const ITERATIONS = 10_000;

function entries(services: readonly unknown[]): ExportEntry[] {
  return services.map((raw, i) => {
    const s = Service.safeParse(raw);
    if (!s.success)
      return {
        name: `#${i + 1}`,
        toSpec: () => {
          throw new AppError('import.malformed', { app: '2FAS' });
        },
      };
    const { name, secret, otp } = s.data;
    const issuer = otp.issuer ?? name;
    const label = otp.account ?? otp.label ?? '';
    return {
      name: entryName(issuer, label, `#${i + 1}`),
      toSpec: fromFields({
        type: otp.tokenType ?? 'TOTP',
        issuer,
        label,
        secret,
        algorithm: otp.algorithm,
        digits: otp.digits,
        period: otp.period,
        counter: otp.counter,
      }),
    };
  });
}

async function decrypt(sealed: string, password: string): Promise<unknown[]> {
  const parts = sealed.split(':');
  if (parts.length < 3) throw new AppError('import.malformed', { app: '2FAS' });
  const [data, salt, iv] = parts.map((p) => Buffer.from(p, 'base64')) as [Buffer, Buffer, Buffer];
  if (data.length < 17 || iv.length !== 12) throw new AppError('import.malformed', { app: '2FAS' });
  const key = await pbkdf2Async(password, salt, ITERATIONS, 32, 'sha256');
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAuthTag(data.subarray(data.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([d.update(data.subarray(0, data.length - 16)), d.final()]);
  } catch {
    // 2FAS keeps no separate key check: a wrong password and a changed file fail alike here.
    throw new AppError('import.wrong-password');
  }
  const services: unknown = JSON.parse(plain.toString('utf8'));
  if (!Array.isArray(services)) throw new AppError('import.malformed', { app: '2FAS' });
  return services as unknown[];
}

export async function importTwoFas(file: TwoFasFile, password: string | undefined): Promise<ImportedExport> {
  if (!file.servicesEncrypted) return collect('2fas', entries(file.services));
  if (password === undefined) throw new AppError('import.password-required', { app: '2FAS' });
  return collect('2fas', entries(await decrypt(file.servicesEncrypted, password)));
}
