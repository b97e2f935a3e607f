import { z } from 'zod';

/** The embedded identity mock's outbox, as the in-app mailbox shows it. */
export const MailboxLinkSchema = z.object({
  label: z.string(),
  url: z.string(),
  /** Set when the link is one the app handles itself (reset-password, magic-link). */
  deepLink: z.object({ path: z.string(), query: z.record(z.string(), z.string()) }).nullable(),
});

export const MailboxMessageSchema = z.object({
  id: z.string(),
  kind: z.enum(['email', 'sms']),
  to: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  links: z.array(MailboxLinkSchema),
  sentAt: z.number(),
  /** `used` / `expired`: the server scrubbed the message's link or code (it can no longer be used). */
  secret: z.enum(['valid', 'used', 'expired']).nullable(),
});
export type MailboxMessage = z.infer<typeof MailboxMessageSchema>;

export const MailboxListRequestSchema = z.object({ recipient: z.string().max(254).optional() }).strict();
export const MailboxListResponseSchema = z.object({
  /** False when a custom server is in use: only the built-in server's outbox is readable. */
  available: z.boolean(),
  recipients: z.array(z.string()),
  messages: z.array(MailboxMessageSchema),
});
export type MailboxListResponse = z.infer<typeof MailboxListResponseSchema>;
