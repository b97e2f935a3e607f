import { z } from 'zod';

/**
 * HRM administration (company settings, users' link status, the cutover switch) and the
 * Connect account settings page, as the renderer sees them. Bearer tokens stay in main.
 */

export const AdminPasswordPresetSchema = z.enum(['connect', 'nist']);

export const AdminCompanySchema = z.object({
  name: z.string(),
  identityProvider: z.enum(['password', 'sso']),
  /** "Sign in with <ssoProviderName>", e.g. "Entra ID". */
  ssoProviderName: z.string().nullable(),
  emailVerificationRequired: z.boolean(),
  /** The cutover: HRM sign-in goes through Visma Connect. */
  connectLoginEnabled: z.boolean(),
  passwordPolicy: AdminPasswordPresetSchema,
  emailDomains: z.array(z.string()),
});
export type AdminCompany = z.infer<typeof AdminCompanySchema>;

/** Any subset of the settings; the server checks the domains' form and the SSO name rule. */
export const AdminCompanyUpdateSchema = z
  .object({
    identityProvider: z.enum(['password', 'sso']),
    ssoProviderName: z.string().trim().min(1).max(100).nullable(),
    emailVerificationRequired: z.boolean(),
    connectLoginEnabled: z.boolean(),
    passwordPolicy: AdminPasswordPresetSchema,
    emailDomains: z.array(z.string().trim().min(1).max(253)).max(20),
  })
  .partial()
  .strict();
export type AdminCompanyUpdate = z.infer<typeof AdminCompanyUpdateSchema>;

export const AdminUserViewSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(['employee', 'admin']),
  /** linked: has a Connect account; pending: a verification code is out; none: neither. */
  status: z.enum(['linked', 'pending', 'none']),
  linkedEmail: z.string().nullable(),
  pendingEmail: z.string().nullable(),
  /** Where a first verification goes when the admin sends it (the user's first suggested address). */
  suggestedEmail: z.string().nullable(),
});
export type AdminUserView = z.infer<typeof AdminUserViewSchema>;
export const AdminUsersSchema = z.object({ users: z.array(AdminUserViewSchema) });

export const AdminUserRequestSchema = z.object({ userId: z.string().trim().min(1).max(200) }).strict();
export const AdminResendResultSchema = z.object({
  /** code-sent; or linked at once when the company skips verification. */
  status: z.enum(['code-sent', 'linked']),
  email: z.string(),
});

export const AccountFactorSchema = z.object({
  id: z.string(),
  kind: z.enum(['push', 'totp', 'sms', 'emergency']),
  /** Device name (push), masked number (SMS), ... as the server labels it. */
  label: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
});
export const RecentDeviceViewSchema = z.object({
  name: z.string(),
  browser: z.string(),
  country: z.string(),
  ip: z.string(),
  lastUsedAt: z.number(),
});
export const AccountOverviewViewSchema = z.object({
  profile: z.object({ name: z.string(), email: z.string(), hasPassword: z.boolean() }),
  twoFactor: z.object({ enabled: z.boolean(), factors: z.array(AccountFactorSchema) }),
  devices: z.array(RecentDeviceViewSchema),
  hrm: z.object({ userId: z.string(), name: z.string(), companyName: z.string(), connectLoginEnabled: z.boolean() }).nullable(),
});
export type AccountOverviewView = z.infer<typeof AccountOverviewViewSchema>;
export const AccountFactorRequestSchema = z
  .object({
    factorId: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();
