import { z } from 'zod';
import { EmailSchema, EpochMsSchema, LanguageSchema, PasswordPresetSchema, TokenSchema } from './common';

/** The Flex HRM back end: legacy sign-in, preparation for Connect, admin. */

export const HrmRoleSchema = z.enum(['employee', 'admin']);

export const HrmUserSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: HrmRoleSchema,
  language: LanguageSchema,
  companyId: z.string(),
  companyName: z.string(),
});
export type HrmUser = z.infer<typeof HrmUserSchema>;

export const HrmSignInRequestSchema = z.strictObject({
  userId: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024),
});
/** After cutover, exchange a Connect session for an HRM session. */
export const HrmConnectSignInRequestSchema = z.strictObject({ connectToken: TokenSchema });

export const HrmSessionSchema = z.object({
  token: z.string(),
  expiresAt: EpochMsSchema,
  method: z.enum(['legacy', 'connect']),
  user: HrmUserSchema,
});
export type HrmSession = z.infer<typeof HrmSessionSchema>;

export const PendingVerificationSchema = z.object({
  email: z.string(),
  expiresAt: EpochMsSchema,
  attemptsLeft: z.number().int(),
  /** When another code may be sent (resend is rate limited). */
  resendAvailableAt: EpochMsSchema,
});

export const PreparationStateSchema = z.object({
  linked: z.boolean(),
  linkedEmail: z.string().nullable(),
  /** "We are upgrading our login solution!" shows until linked, unless snoozed. */
  bannerVisible: z.boolean(),
  snoozedUntil: EpochMsSchema.nullable(),
  /** False when the company skips the code: sending links at once. */
  verificationRequired: z.boolean(),
  connectLoginEnabled: z.boolean(),
  suggestedEmails: z.array(z.string()),
  pending: PendingVerificationSchema.nullable(),
});
export type PreparationState = z.infer<typeof PreparationStateSchema>;

export const HrmMeSchema = z.object({ user: HrmUserSchema, preparation: PreparationStateSchema });

export const SendCodeRequestSchema = z.strictObject({ email: EmailSchema });
export const LinkedSchema = z.object({
  status: z.literal('linked'),
  email: z.string(),
  /** True when a new Connect account was created; false when an existing one was linked. */
  accountCreated: z.boolean(),
});
export const SendCodeResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('code-sent'),
    email: z.string(),
    expiresAt: EpochMsSchema,
    resendAvailableAt: EpochMsSchema,
    attemptsLeft: z.number().int(),
  }),
  LinkedSchema,
]);
export type SendCodeResponse = z.infer<typeof SendCodeResponseSchema>;
export const VerifyCodeRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six-digits'),
});

export const CompanySettingsSchema = z.object({
  id: z.string(),
  name: z.string(),
  identityProvider: z.enum(['password', 'sso']),
  /** Button text "Sign in with <ssoProviderName>", e.g. "Entra ID". */
  ssoProviderName: z.string().nullable(),
  emailVerificationRequired: z.boolean(),
  /** The admin cutover: HRM sign-in goes through Connect from now on. */
  connectLoginEnabled: z.boolean(),
  passwordPolicy: PasswordPresetSchema,
  /** Home-realm discovery: addresses at these domains belong to this company. */
  emailDomains: z.array(z.string()),
});
export type CompanySettings = z.infer<typeof CompanySettingsSchema>;

const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(253)
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'domain');
export const CompanySettingsUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    identityProvider: z.enum(['password', 'sso']),
    ssoProviderName: z.string().trim().min(1).max(100).nullable(),
    emailVerificationRequired: z.boolean(),
    connectLoginEnabled: z.boolean(),
    passwordPolicy: PasswordPresetSchema,
    emailDomains: z.array(DomainSchema).max(20),
  })
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'empty-update');

export const AdminUserSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: HrmRoleSchema,
  language: LanguageSchema,
  linked: z.boolean(),
  linkedEmail: z.string().nullable(),
  pendingEmail: z.string().nullable(),
  suggestedEmails: z.array(z.string()),
});
export const AdminUsersResponseSchema = z.object({ users: z.array(AdminUserSchema) });
export const AdminUserParamsSchema = z.strictObject({ userId: z.string().min(1).max(200) });
/** Resend to the pending address, or to `email` if given. */
export const AdminResendRequestSchema = z.strictObject({ email: EmailSchema.optional() });
export const AdminRemoveConnectionResponseSchema = z.object({ userId: z.string(), linked: z.literal(false) });
