import { z } from 'zod';

/** The app lock as the renderer sees it (never the password hash). */
export const LockViewSchema = z.object({
  /** An app password is set: the lock is on. */
  enabled: z.boolean(),
  locked: z.boolean(),
  /** Touch ID: whether this computer offers it, and whether it unlocks the app. */
  touchId: z.object({ available: z.boolean(), enabled: z.boolean() }),
  /** Lock after this many idle minutes; 0 = never. */
  autoLockMinutes: z.number().int(),
  /** Show codes only when clicked (a separate setting; works without the lock). */
  hideCodes: z.boolean(),
  /** After too many wrong passwords: seconds until the next try. */
  retryAfterSeconds: z.number().int().nullable(),
});
export type LockView = z.infer<typeof LockViewSchema>;

const Password = z.string().max(1024);

export const lockRequests = {
  unlock: z.object({ password: Password }).strict(),
  setPassword: z.object({ password: Password, current: Password.optional() }).strict(),
  disable: z.object({ password: Password }).strict(),
  options: z
    .object({ autoLockMinutes: z.number().int().min(0).max(1440), hideCodes: z.boolean(), touchId: z.boolean() })
    .partial()
    .strict(),
};

/**
 * The clock check (issue 12): the identity server's time against this computer's, when the
 * server answers. `skewMs` = server minus local; `warn` when |skew| > 15 s (codes would be wrong).
 */
export const ClockCheckSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), skewMs: z.number(), warn: z.boolean(), server: z.string() }),
  z.object({ state: z.literal('unreachable') }),
]);
export type ClockCheck = z.infer<typeof ClockCheckSchema>;
export const CLOCK_SKEW_WARN_MS = 15_000;
