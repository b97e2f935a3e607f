import { z } from 'zod';
import { ACCOUNT_TEXT_LIMITS as MAX, OTP_ALGORITHMS, OTP_DIGITS } from './names';

export { OTP_ALGORITHMS, OTP_DIGITS };

export type OtpDigits = (typeof OTP_DIGITS)[number];
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
  type: z.enum(['totp', 'hotp']),
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
 * `vault.copy`: where the OS clipboard is reachable from main (Electron), main computes the
 * current code and writes it itself, marked for exclusion from clipboard history, and clears it
 * later. The browser host has no OS clipboard in main, so it answers with the code and the
 * renderer writes it with `navigator.clipboard` (and clears it itself, best effort).
 */
export const CopyCodeResponseSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('main'), code: z.string(), clearsAt: z.number().nullable() }),
  z.object({ by: z.literal('renderer'), code: z.string(), clearAfterMs: z.number().int().nullable() }),
]);
