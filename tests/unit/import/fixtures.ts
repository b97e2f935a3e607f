import { createCipheriv, pbkdf2Sync, randomBytes, randomUUID, scryptSync } from 'node:crypto';

/**
 * Export files made here the way each app writes them (no other project's files are copied).
 * Every builder cites the format source it follows; the shapes were also checked by hand against
 * real exports (Aegis's importer test resources, see /work/shared/interop-data/SOURCES.md).
 */
export interface Vector {
  type: 'totp' | 'hotp' | 'steam';
  issuer: string;
  label: string;
  secret: string;
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: number;
  period: number;
  counter: number;
}

/** This project's own vectors: every algorithm, 6/7/8 digits, odd periods, HOTP counters, one Steam account. */
export const VECTORS: readonly Vector[] = [
  { type: 'totp', issuer: 'Northwind', label: 'ada', secret: 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
  { type: 'totp', issuer: 'Contoso', label: 'bo@example.com', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', algorithm: 'SHA256', digits: 7, period: 20, counter: 0 },
  { type: 'totp', issuer: 'Fabrikam', label: 'cy', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA512', digits: 8, period: 60, counter: 0 },
  { type: 'hotp', issuer: 'Tailspin', label: 'di', secret: 'ONSWG4TFORZWK2LDOJSXIZLTMVRXEZLU', algorithm: 'SHA1', digits: 6, period: 30, counter: 3 },
  { type: 'hotp', issuer: 'Litware', label: 'ed', secret: 'NB2HI4DTHIXS653XO4XGK6DBNVYGYZI7', algorithm: 'SHA256', digits: 8, period: 30, counter: 12345 },
];
export const STEAM: Vector = { type: 'steam', issuer: 'Steam', label: 'gamer', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 };
export const ALL: readonly Vector[] = [...VECTORS, STEAM];

const enc = (o: unknown) => new TextEncoder().encode(typeof o === 'string' ? o : JSON.stringify(o));
const gcm = (key: Buffer, plain: Buffer) => {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  const data = Buffer.concat([c.update(plain), c.final()]);
  return { nonce, data, tag: c.getAuthTag() };
};

// ---- Aegis: docs/vault.md ("Vault format", "Entries"), github.com/beemdevelopment/Aegis ----
const aegisEntry = (v: Vector) => ({
  type: v.type,
  uuid: randomUUID(),
  name: v.label,
  issuer: v.issuer,
  note: '',
  favorite: false,
  icon: null,
  info: { secret: v.secret, algo: v.algorithm, digits: v.digits, period: v.period, ...(v.type === 'hotp' ? { counter: v.counter } : {}) },
  groups: [],
});
const aegisDb = (vs: readonly Vector[]) => ({ version: 3, entries: vs.map(aegisEntry), groups: [], icons_optimized: true });

export const aegisPlain = (vs: readonly Vector[] = ALL) => enc({ version: 1, header: { slots: null, params: null }, db: aegisDb(vs) });

/** Encrypted: a random master key encrypts the db (AES-256-GCM); a password slot (type 1) holds it wrapped under scrypt(N=2^15, r=8, p=1). */
export function aegisEncrypted(password: string, vs: readonly Vector[] = ALL): Uint8Array {
  const masterKey = randomBytes(32);
  const salt = randomBytes(32);
  const kek = scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const slot = gcm(kek, masterKey);
  const db = gcm(masterKey, Buffer.from(JSON.stringify(aegisDb(vs))));
  return enc({
    version: 1,
    header: {
      slots: [{ type: 1, uuid: randomUUID(), key: slot.data.toString('hex'), key_params: { nonce: slot.nonce.toString('hex'), tag: slot.tag.toString('hex') }, n: 32768, r: 8, p: 1, salt: salt.toString('hex'), repaired: true, is_backup: false }],
      params: { nonce: db.nonce.toString('hex'), tag: db.tag.toString('hex') },
    },
    db: db.data.toString('base64'),
  });
}

// ---- 2FAS: the Android app's backup (schema 4), github.com/twofas/2fas-android (BackupContent, BackupService) ----
const twofasService = (v: Vector, i: number) => ({
  name: v.issuer,
  secret: v.secret,
  updatedAt: 1_700_000_000_000 + i,
  otp: {
    label: v.label,
    account: v.label,
    issuer: v.issuer,
    digits: v.digits,
    period: v.period,
    algorithm: v.algorithm,
    ...(v.type === 'hotp' ? { counter: v.counter } : {}),
    tokenType: v.type.toUpperCase(),
    source: 'Manual',
  },
  order: { position: i },
  icon: { selected: 'Label', label: { text: v.issuer.slice(0, 2).toUpperCase(), backgroundColor: 'Default' } },
});
const twofasFile = (extra: object) => ({ groups: [], updatedAt: 1_700_000_000_000, schemaVersion: 4, appVersionCode: 5000000, appVersionName: '5.0.0', appOrigin: 'android', ...extra });
export const twofasPlain = (vs: readonly Vector[] = ALL) => enc(twofasFile({ services: vs.map(twofasService) }));

/** Encrypted: `servicesEncrypted` = base64(ciphertext||tag):base64(salt):base64(iv), AES-256-GCM under PBKDF2-HMAC-SHA256(password, salt, 10,000). */
export function twofasEncrypted(password: string, vs: readonly Vector[] = ALL): Uint8Array {
  const salt = randomBytes(256);
  const key = pbkdf2Sync(password, salt, 10_000, 32, 'sha256');
  const s = gcm(key, Buffer.from(JSON.stringify(vs.map(twofasService))));
  // 2FAS also stores an encrypted fixed text (`reference`) to check the password; readers need not use it.
  const r = gcm(key, Buffer.from('reference text'));
  return enc(
    twofasFile({
      services: [],
      servicesEncrypted: `${Buffer.concat([s.data, s.tag]).toString('base64')}:${salt.toString('base64')}:${s.nonce.toString('base64')}`,
      reference: `${Buffer.concat([r.data, r.tag]).toString('base64')}:${salt.toString('base64')}:${r.nonce.toString('base64')}`,
    }),
  );
}

// ---- andOTP: plain JSON backup, Entry.toJSON in github.com/andOTP/andOTP ----
export const andOtp = (vs: readonly Vector[] = ALL) =>
  enc(
    vs.map((v) => ({
      secret: v.secret,
      issuer: v.issuer,
      label: v.label,
      digits: v.digits,
      type: v.type.toUpperCase(),
      algorithm: v.algorithm,
      thumbnail: 'Default',
      last_used: 1_700_000_000_000,
      used_frequency: 0,
      ...(v.type === 'hotp' ? { counter: v.counter } : { period: v.period }),
      tags: [],
    })),
  );

// ---- otpauth URIs: Key-Uri-Format (github.com/google/google-authenticator/wiki/Key-Uri-Format) ----
export function uri(v: Vector, extra = ''): string {
  const p = new URLSearchParams({ secret: v.secret, issuer: v.issuer, algorithm: v.algorithm, digits: String(v.digits) });
  if (v.type === 'hotp') p.set('counter', String(v.counter));
  else p.set('period', String(v.period));
  return `otpauth://${v.type}/${encodeURIComponent(v.issuer)}:${encodeURIComponent(v.label)}?${p.toString().replace(/\+/g, '%20')}${extra}`;
}

/** Ente Auth's "plain text" export: one otpauth URI per line, each with Ente's `codeDisplay` JSON (ente-io/ente, auth/lib/models/code.dart). */
export const enteText = (vs: readonly Vector[] = ALL) =>
  enc(vs.map((v) => uri(v, `&codeDisplay=${encodeURIComponent(JSON.stringify({ pinned: false, trashed: false, lastUsedAt: 0, tapCount: 0, tags: [] }))}`)).join('\n') + '\n');

// ---- Bitwarden: the unencrypted JSON export (bitwarden.com/help/export-your-data, "login.totp") ----
export function bitwarden(items: Array<{ name: string; username?: string; totp: string | null }>): Uint8Array {
  return enc({
    encrypted: false,
    folders: [],
    items: items.map((it) => ({
      id: randomUUID(),
      organizationId: null,
      folderId: null,
      type: 1,
      reprompt: 0,
      name: it.name,
      notes: null,
      favorite: false,
      login: { fido2Credentials: [], uris: [], username: it.username ?? null, password: null, totp: it.totp },
      collectionIds: null,
    })),
  });
}
