import { z } from 'zod';
import { ACCOUNT_TEXT_LIMITS as MAX, OTP_ALGORITHMS, OTP_DIGITS } from './names';
import { parseAppErrorData } from './errors';

export { OTP_ALGORITHMS, OTP_DIGITS };

export type OtpDigits = (typeof OTP_DIGITS)[number];
/** Kinds of account: TOTP (RFC 6238), HOTP (RFC 4226), Steam Guard (TOTP shown as 5 characters of Steam's alphabet). */
export const OtpTypeSchema = z.enum(['totp', 'hotp', 'steam']);
export type OtpType = z.infer<typeof OtpTypeSchema>;
/** Steam Guard codes are always 5 characters. */
export const STEAM_DIGITS = 5;
/** The length of a code: the digits a TOTP/HOTP account chose, or Steam's 5 characters. */
export type CodeLength = OtpDigits | typeof STEAM_DIGITS;
export const OtpAlgorithmSchema = z.enum(OTP_ALGORITHMS);
export type OtpAlgorithm = z.infer<typeof OtpAlgorithmSchema>;

const Text = (max: number) => z.string().max(max);
export const AccountIdSchema = z.uuid();

/**
 * What the renderer may know about an account: metadata and the current codes, never the secret.
 * Responses are parsed with these schemas on the way out, so an undeclared field (a secret that
 * slipped into a row object, say) is stripped before it can cross the boundary.
 */
export const AccountViewSchema = z.object({
  id: AccountIdSchema,
  type: OtpTypeSchema,
  issuer: z.string(),
  label: z.string(),
  algorithm: OtpAlgorithmSchema,
  digits: z.number().int(),
  period: z.number().int(),
  counter: z.number().int().nullable(),
  pinned: z.boolean(),
  position: z.number().int(),
  code: z.string(),
  /** TOTP only: the code of the next period, shown before the switch. */
  nextCode: z.string().nullable(),
  /** TOTP only: epoch ms when `code` stops being valid. */
  validUntil: z.number().nullable(),
  /** Group names the account is filed under (none: []). */
  groups: z.array(z.string()).default([]),
  /** When its code was last copied or asked for, epoch ms; null if never. */
  lastUsedAt: z.number().nullable().default(null),
});
export type AccountView = z.infer<typeof AccountViewSchema>;

/**
 * Loose shapes on purpose: the vault service checks the domain rules (base32, digits 6-8, period)
 * and answers with a specific error code a person can act on, which a schema failure cannot.
 */
export const ManualAccountInputSchema = z.object({
  source: z.literal('manual'),
  issuer: Text(MAX.issuer),
  label: Text(MAX.label),
  secret: Text(MAX.secret),
  type: z.enum(['totp', 'hotp']).default('totp'),
  algorithm: Text(16).default('SHA1'),
  digits: z.number().int().min(0).max(100).default(6),
  period: z.number().int().min(0).max(100000).default(30),
  counter: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});
export const UriAccountInputSchema = z.object({ source: z.literal('uri'), uri: Text(MAX.uri) });
export const AddAccountRequestSchema = z.discriminatedUnion('source', [ManualAccountInputSchema, UriAccountInputSchema]);
export type AddAccountRequest = z.input<typeof AddAccountRequestSchema>;

/**
 * `vault.editAccount`: issuer and label always; secret, algorithm, digits and period only when they
 * change (the renderer confirms that first). Loose shapes, as for a new account: the vault checks
 * the rules and answers with an error a person can act on.
 */
export const EditAccountRequestSchema = z
  .object({
    id: AccountIdSchema,
    issuer: Text(200),
    label: Text(200),
    secret: Text(1024).optional(),
    algorithm: Text(16).optional(),
    digits: z.number().int().min(0).max(100).optional(),
    period: z.number().int().min(0).max(100000).optional(),
  })
  .strict();
export type EditAccountRequest = z.infer<typeof EditAccountRequestSchema>;
export const SetGroupsRequestSchema = z.object({ id: AccountIdSchema, groups: z.array(Text(40)).max(20) }).strict();

export const KeychainStateSchema = z.enum(['ok', 'unavailable', 'locked']);
export type KeychainState = z.infer<typeof KeychainStateSchema>;

export const VaultListResponseSchema = z.object({
  accounts: z.array(AccountViewSchema),
  keychain: KeychainStateSchema,
  /** Main-process clock at generation, so the renderer can correct its countdown. */
  generatedAt: z.number(),
});
export type VaultListResponse = z.infer<typeof VaultListResponseSchema>;

/**
 * `vault.copyCode`: where the OS clipboard is reachable from main (Electron), main computes the
 * current code and writes it itself, marked for exclusion from clipboard history, and clears it
 * later. The browser host has no OS clipboard in main, so it answers with the code and the
 * renderer writes it with `navigator.clipboard` (and clears it itself, best effort).
 */
export const CopyCodeResponseSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('main'), code: z.string(), clearsAt: z.number().nullable() }),
  z.object({ by: z.literal('renderer'), code: z.string(), clearAfterMs: z.number().int().nullable() }),
]);

// ---- Import, restore and backup (electron/core/backup, electron/core/import) ----

/** Same limit as the importers' (electron/core/import MAX_EXPORT_BYTES). */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'base64' });
const Password = z.string().max(1024);

export const IMPORT_FORMATS = ['flex-backup', 'aegis', '2fas', 'andotp', 'bitwarden', 'otpauth-list'] as const;

/** Error data inside a response (a reason per unsupported entry): checked against the catalogue on the way out, so only declared codes and params cross. */
const ReasonSchema = z.object({ code: z.string().max(100), params: z.unknown().optional() }).transform((e) => parseAppErrorData(e));

export const ImportPreviewRequestSchema = z
  .object({
    /** The file's bytes, standard base64 (an encrypted backup, or another app's export). */
    fileBase64: Base64.min(1).max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4),
    /** For an encrypted file; absent first, then asked for when main answers `import.password-required`. */
    password: Password.optional(),
  })
  .strict();

export const ImportPreviewSchema = z.object({
  previewId: z.uuid(),
  format: z.enum(IMPORT_FORMATS),
  /** What applying would do with each account: added, replaced (same name, other key) or skipped (already there). */
  items: z.array(
    z.object({ name: z.string(), issuer: z.string(), label: z.string(), type: OtpTypeSchema, action: z.enum(['add', 'replace', 'skip']) }),
  ),
  /** Entries this app cannot keep, by name, with the reason. */
  unsupported: z.array(z.object({ name: z.string(), reason: ReasonSchema })),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const PreviewIdRequestSchema = z.object({ previewId: z.uuid() }).strict();

export const ImportOutcomeSchema = z.object({
  added: z.number().int(),
  replaced: z.number().int(),
  skipped: z.array(z.string()),
  unsupported: z.array(z.object({ name: z.string(), reason: ReasonSchema })),
});
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

/** An encrypted backup: main answers with the file's text (only ciphertext crosses) for the page to save. */
export const BackupExportRequestSchema = z.object({ password: Password.min(1) }).strict();
export const BackupExportSchema = z.object({ fileName: z.string(), text: z.string() });

/** The unencrypted otpauth:// list is written by main into the backup folder, after the page's warning was confirmed. */
export const PlainExportRequestSchema = z.object({ confirmed: z.literal(true) }).strict();
/** `path` null: the user cancelled the save dialog (Electron). */
export const PlainExportSchema = z.object({ path: z.string().nullable() });

export const AutoBackupStatusSchema = z.object({
  /** null: automatic backups are off. */
  folder: z.string().nullable(),
  keep: z.number().int(),
  lastBackupAt: z.number().nullable(),
  lastError: ReasonSchema.nullable(),
});
export type AutoBackupStatus = z.infer<typeof AutoBackupStatusSchema>;

export const AutoBackupSetRequestSchema = z
  .object({ folder: z.string().trim().min(1).max(4096), keep: z.number().int().min(1).max(100), password: Password.min(1) })
  .strict();

/**
 * `vault.showTransferQr`: the accounts to move to a phone, as QR pictures (PNG data URLs). One
 * account: its otpauth:// link; several: Google Authenticator migration codes, 10 to a code.
 * `confirmed` must be true: the renderer asked first (anyone who sees the code can copy the account).
 */
export const TransferQrRequestSchema = z.object({ ids: z.array(AccountIdSchema).min(1).max(1000), confirmed: z.literal(true) }).strict();
export const TransferQrSchema = z.object({
  kind: z.enum(['otpauth', 'migration']),
  images: z.array(z.string().startsWith('data:image/png;base64,')),
});
export type TransferQr = z.infer<typeof TransferQrSchema>;
