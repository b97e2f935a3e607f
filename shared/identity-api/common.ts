import { z } from 'zod';
import { PasswordCompositionSchema } from '../password-policy';

/** Shapes shared by several routes. Pure zod: imported by the app's client and by the mock. */

export { EmailSchema } from '../email';
/** Opaque random tokens (sessions, tickets, links). */
export const TokenSchema = z
  .string()
  .min(16)
  .max(256)
  .regex(/^[A-Za-z0-9_-]+$/, 'token');
export const IdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'id');
export const LanguageSchema = z.enum(['sv', 'en']);
export type Language = z.infer<typeof LanguageSchema>;
/** Epoch milliseconds (the mock's clock, which tests can move). */
export const EpochMsSchema = z.number().int().nonnegative();

/**
 * What the client tells the server about itself; shown in security emails ("Enhet: ...,
 * Webbläsare: ..., Land: ...") and in the account's recently used devices. The IP address is taken
 * from the connection, never from the body.
 */
export const DeviceInfoSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  browser: z.string().trim().min(1).max(100),
  country: z.string().trim().min(1).max(60).optional(),
});
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

/** Rule ids a rejected password names in `password.policy` (params.failed, comma-separated). */
export const PASSWORD_RULES = ['min-length', 'max-length', 'digit', 'upper', 'lower', 'special', 'not-common'] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];
export const PasswordPresetSchema = z.enum(['connect', 'nist']);
export type PasswordPreset = z.infer<typeof PasswordPresetSchema>;

/** Enough for a client to show live feedback while the user types a new password. */
export const PasswordPolicySchema = PasswordCompositionSchema.extend({
  preset: PasswordPresetSchema,
  maxLength: z.number().int(),
  /** Refuses common and context-specific passwords (the address, "visma", ...), as NIST asks. */
  blocklist: z.boolean(),
  /** New passwords may not repeat any of the last N. */
  historySize: z.number().int(),
  lockout: z.object({ maxFailures: z.number().int(), windowMinutes: z.number().int(), lockMinutes: z.number().int() }),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;

export const Empty = z.strictObject({});
