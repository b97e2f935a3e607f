import { z } from 'zod';
import { EmailSchema } from '../email';
import { PREP_CODE_VALID_MINUTES } from './names';

export { PREP_CODE_VALID_MINUTES };

/**
 * Account preparation for Visma Connect (the Get Started with Visma Connect guide) as the renderer sees it: the banner, the
 * email verification with a 6-digit code, the linked state. View models only; the HRM session
 * token that the calls need stays in main.
 */

/** Checked here too (the server's own rule), so a typo gets "Enter a valid email address." before any request is made. */
const Email = EmailSchema;
const Instant = z.number().int().nonnegative();

export const PrepPendingSchema = z.object({
  /** The address the last code went to. */
  email: z.string(),
  /** Server clock, epoch ms. */
  expiresAt: Instant,
  attemptsLeft: z.number().int(),
  /** When the server accepts another send (1 a minute, 5 an hour). */
  resendAvailableAt: Instant,
});
export type PrepPending = z.infer<typeof PrepPendingSchema>;

export const PrepViewSchema = z.object({
  /** The HRM user's name, for the greeting. */
  name: z.string(),
  linked: z.boolean(),
  linkedEmail: z.string().nullable(),
  /** The server decides: shown until linked, hidden for 24 hours after "Not right now". */
  bannerVisible: z.boolean(),
  suggestedEmails: z.array(z.string()),
  pending: PrepPendingSchema.nullable(),
  /** False for a company that links without a code (the Get Started with Visma Connect guide: steps 3 and 4 skipped). */
  verificationRequired: z.boolean(),
  /** The company's login has moved to Connect (the admin cutover). */
  connectLoginEnabled: z.boolean(),
});
export type PrepView = z.infer<typeof PrepViewSchema>;

export const PrepLinkedSchema = z.object({
  status: z.literal('linked'),
  email: z.string(),
  /** True when a new Connect account was created, false when an existing one was linked. */
  accountCreated: z.boolean(),
});
export type PrepLinked = z.infer<typeof PrepLinkedSchema>;

export const PrepSendResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('code-sent'), pending: PrepPendingSchema }),
  PrepLinkedSchema,
]);
export type PrepSendResult = z.infer<typeof PrepSendResultSchema>;

export const prepRequests = {
  sendCode: z.object({ email: Email }).strict(),
  verify: z
    .object({
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, 'six-digits'),
    })
    .strict(),
};
