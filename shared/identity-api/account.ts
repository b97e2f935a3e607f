import { z } from 'zod';
import { EpochMsSchema, IdSchema, LanguageSchema } from './common';
import { ConnectAccountSchema, HrmLinkSchema, MfaFactorSchema } from './connect';

/** A signed-in Connect user's own settings and 2FA enrolment (Bearer connect session). */

export const FactorViewSchema = z.object({
  id: z.string(),
  kind: MfaFactorSchema,
  /** Device name (push), "Authenticator app" (TOTP), masked number (SMS), or "Emergency code". */
  label: z.string(),
  createdAt: EpochMsSchema,
  lastUsedAt: EpochMsSchema.nullable(),
});
export type FactorView = z.infer<typeof FactorViewSchema>;

export const RecentDeviceSchema = z.object({
  name: z.string(),
  browser: z.string(),
  country: z.string(),
  ip: z.string(),
  lastUsedAt: EpochMsSchema,
});

export const AccountOverviewSchema = z.object({
  account: ConnectAccountSchema.extend({ hasPassword: z.boolean() }),
  twoFactor: z.object({
    enabled: z.boolean(),
    factors: z.array(FactorViewSchema),
    remindLaterUntil: EpochMsSchema.nullable(),
  }),
  devices: z.array(RecentDeviceSchema),
  hrm: HrmLinkSchema.nullable(),
});
export type AccountOverview = z.infer<typeof AccountOverviewSchema>;

export const ProfileUpdateSchema = z
  .strictObject({ name: z.string().trim().min(1).max(200), language: LanguageSchema })
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'empty-update');
export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});
export const SignedOutSchema = z.object({ signedOut: z.literal(true) });
export const RemindLaterResponseSchema = z.object({ remindLaterUntil: EpochMsSchema });

/** What the consent screen lists (the first-login guide: "Authenticator vill få tillgång till"). */
export const PUSH_PERMISSIONS = [
  { group: 'account-information', items: ['address', 'profile', 'email', 'phone', 'user-id'] },
  { group: 'data-access', items: ['push-configure', 'push-read-settings', 'push-approve', 'push-remove'] },
  { group: 'offline-access', items: ['any-time'] },
] as const;
export const PermissionGroupSchema = z.object({ group: z.string(), items: z.array(z.string()) });

export const EnrolmentIdRequestSchema = z.strictObject({ enrolmentId: IdSchema });
export const PushEnrolStartResponseSchema = z.object({
  enrolmentId: z.string(),
  /** `flexconnect-push://enrol?server=<url>&code=<code>`, for a QR code. */
  enrolUri: z.string(),
  /** The enrolment code, grouped for typing into the authenticator by hand. */
  manualKey: z.string(),
  qrDataUrl: z.string(),
  expiresAt: EpochMsSchema,
});
export const PushEnrolStateSchema = z.enum(['waiting-for-device', 'awaiting-consent', 'active', 'denied', 'expired']);
export const PushEnrolStatusResponseSchema = z.object({
  state: PushEnrolStateSchema,
  /** The short code the device also shows (e.g. "ABC1"); the user checks they match. */
  verificationCode: z.string().nullable(),
  deviceName: z.string().nullable(),
  permissions: z.array(PermissionGroupSchema),
});
export const PushConsentRequestSchema = z.strictObject({ enrolmentId: IdSchema, approve: z.boolean() });

export const TotpEnrolStartResponseSchema = z.object({
  enrolmentId: z.string(),
  otpauthUri: z.string(),
  /** Base32 secret in groups of four. */
  manualKey: z.string(),
  qrDataUrl: z.string(),
  issuer: z.string(),
  accountName: z.string(),
  digits: z.number().int(),
  period: z.number().int(),
  algorithm: z.string(),
});
export const EnrolCodeRequestSchema = z.strictObject({
  enrolmentId: IdSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six-digits'),
});
export const FactorResponseSchema = z.object({ factor: FactorViewSchema });

/** National numbers ("070-123 45 67") get +46; "+..." / "00..." are taken as international. */
export const SmsEnrolStartRequestSchema = z.strictObject({
  phone: z.string().trim().min(4).max(32),
  defaultCountryCode: z
    .string()
    .regex(/^\+\d{1,3}$/)
    .optional(),
});
export const SmsEnrolStartResponseSchema = z.object({
  enrolmentId: z.string(),
  phone: z.string(),
  maskedPhone: z.string(),
  expiresAt: EpochMsSchema,
  resendAvailableAt: EpochMsSchema,
});
export const EmergencyStartResponseSchema = z.object({
  enrolmentId: z.string(),
  /** XXXX-XXXX-XXXX-XXXX-XXXX, shown once; active after the user confirms it is stored. */
  code: z.string(),
});
export const EmergencyConfirmRequestSchema = z.strictObject({ enrolmentId: IdSchema, stored: z.literal(true) });
export const FactorParamsSchema = z.strictObject({ factorId: IdSchema });
export const RemovedSchema = z.object({ removed: z.literal(true) });
