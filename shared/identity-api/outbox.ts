import { z } from 'zod';
import { EpochMsSchema, LanguageSchema } from './common';

/** Every email and SMS the mock "sends" lands in its outbox. */

export const OutboxLinkSchema = z.object({
  /** A deep-link action from shared/deep-links.ts (reset-password, magic-link, ...). */
  action: z.string(),
  /** `flexconnect://<action>?token=...` */
  url: z.string(),
  /** `<mock url>/open/<action>?token=...` for the browser host. */
  httpUrl: z.string(),
  label: z.string(),
});
export const OutboxMessageSchema = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms']),
  template: z.string(),
  recipient: z.string(),
  language: LanguageSchema,
  subject: z.string(),
  text: z.string(),
  links: z.array(OutboxLinkSchema),
  createdAt: EpochMsSchema,
  /**
   * The link or code the message carries: `valid` while it can be used; `used` or `expired` once
   * it cannot, and then the text shows it scrubbed and `links` is empty. null: nothing secret.
   */
  secretState: z.enum(['valid', 'used', 'expired']).nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;
/** `recipient` filters (case-insensitive, exact address or E.164 number). */
export const OutboxQuerySchema = z.strictObject({ recipient: z.string().trim().min(1).max(254).optional() });
export const OutboxResponseSchema = z.object({ messages: z.array(OutboxMessageSchema) });
export const OpenLinkParamsSchema = z.strictObject({ action: z.string().regex(/^[a-z-]{1,40}$/) });
export const OpenLinkQuerySchema = z.strictObject({ token: z.string().min(1).max(256) });

// --- Test control (header x-test-control-token; 404 unless the mock was started with a token) ---
export const TestResetRequestSchema = z.strictObject({ seed: z.boolean().optional() });
export const TestResetResponseSchema = z.object({ reset: z.literal(true), seeded: z.boolean() });
export const TestClockAdvanceRequestSchema = z.strictObject({
  ms: z
    .number()
    .int()
    .nonnegative()
    .max(10 * 365 * 24 * 3600 * 1000),
});
export const TestClockResponseSchema = z.object({ now: EpochMsSchema });
export const TestAuditQuerySchema = z.strictObject({
  type: z.string().min(1).max(100).optional(),
  subject: z.string().min(1).max(254).optional(),
});
export const AuditEventSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  at: EpochMsSchema,
});
export const TestAuditResponseSchema = z.object({ events: z.array(AuditEventSchema) });
export const HealthResponseSchema = z.object({ status: z.literal('ok'), service: z.string(), now: EpochMsSchema });
