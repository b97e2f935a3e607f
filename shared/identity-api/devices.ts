import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './common';

/**
 * The push channel to enrolled authenticator devices (this app's authenticator is one).
 * A device authenticates with `Authorization: Bearer <deviceCredential>` on /devices/:deviceId/...
 */

export const DeviceRegisterRequestSchema = z.strictObject({
  /** The `code` from the enrolment QR / manual key; spaces and dashes are ignored. */
  enrolmentCode: z.string().trim().min(8).max(64),
  deviceName: z.string().trim().min(1).max(100),
  platform: z.string().trim().min(1).max(50).optional(),
});
export const DeviceRegisterResponseSchema = z.object({
  deviceId: z.string(),
  /** Secret; store it in the keychain. The server keeps only its hash. */
  deviceCredential: z.string(),
  /** Shown on the device; the user checks it matches the consent screen. */
  verificationCode: z.string(),
  accountEmail: z.string(),
  issuer: z.string(),
});
export const DeviceParamsSchema = z.strictObject({ deviceId: IdSchema });
export const DevicePushParamsSchema = z.strictObject({ deviceId: IdSchema, pushId: IdSchema });
export const DeviceStatusResponseSchema = z.object({
  deviceId: z.string(),
  name: z.string(),
  state: z.enum(['awaiting-consent', 'active', 'denied']),
  accountEmail: z.string(),
});

export const PushRequestViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  app: z.string(),
  /** Three two-digit numbers; exactly one is shown on the sign-in screen. */
  choices: z.array(z.string()),
  createdAt: EpochMsSchema,
  expiresAt: EpochMsSchema,
  location: z.object({ device: z.string(), browser: z.string(), country: z.string(), ip: z.string() }),
});
export type PushRequestView = z.infer<typeof PushRequestViewSchema>;
export const PushListResponseSchema = z.object({ requests: z.array(PushRequestViewSchema) });
export const PushAnswerRequestSchema = z.strictObject({
  decision: z.enum(['approve', 'deny']),
  /** Required to approve: the number picked or typed. */
  number: z
    .string()
    .trim()
    .regex(/^\d{2}$/)
    .optional(),
});
export const PushAnswerResponseSchema = z.object({ state: z.enum(['approved', 'denied']) });

/** Server-sent events on GET /devices/:deviceId/events (`event:` name -> `data:` JSON). */
export const DeviceEventSchemas = {
  ready: z.object({ deviceId: z.string() }),
  'push-request': PushRequestViewSchema,
  'push-resolved': z.object({ id: z.string(), state: z.enum(['approved', 'denied', 'expired']) }),
  enrolment: z.object({ state: z.enum(['active', 'denied']) }),
} as const;
export type DeviceEventName = keyof typeof DeviceEventSchemas;
