import { z } from 'zod';
import {
  DeviceInfoSchema,
  EmailSchema,
  EpochMsSchema,
  IdSchema,
  LanguageSchema,
  PasswordPolicySchema,
  PasswordPresetSchema,
  TokenSchema,
} from './common';

/** Connect identity: discovery, password and SSO sign-in, recovery, 2FA at sign-in. */

export const DiscoverRequestSchema = z.strictObject({ email: EmailSchema });
/**
 * Decided by the address's domain only (home-realm discovery), never by whether an account
 * exists: a company domain gives its provider, or `not-available` before the company's cutover;
 * any other domain gives `password` (Connect accounts are open to any address).
 */
export const DiscoverResponseSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password') }),
  z.object({ method: z.literal('sso'), providerName: z.string() }),
  z.object({ method: z.literal('not-available') }),
]);

export const MfaFactorSchema = z.enum(['push', 'totp', 'sms', 'emergency']);
export type MfaFactor = z.infer<typeof MfaFactorSchema>;

export const HrmLinkSchema = z.object({
  userId: z.string(),
  name: z.string(),
  companyName: z.string(),
  /** False before the company's cutover: the account exists but HRM sign-in is not open yet. */
  connectLoginEnabled: z.boolean(),
});

export const ConnectAccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  language: LanguageSchema,
});

export const SignedInSchema = z.object({
  status: z.literal('signed-in'),
  session: z.object({ token: z.string(), expiresAt: EpochMsSchema }),
  account: ConnectAccountSchema,
  /** Offer "Enable 2FA / Remind me later": no factor yet and not postponed recently. */
  twoFactorPrompt: z.boolean(),
  /** Set when the user ticked "remember this device for 30 days"; the client stores it. */
  rememberedDeviceToken: z.string().nullable(),
  /** After an emergency code is used, its replacement (shown once). */
  newEmergencyCode: z.string().nullable(),
  hrm: HrmLinkSchema.nullable(),
});
export type SignedIn = z.infer<typeof SignedInSchema>;

export const MfaRequiredSchema = z.object({
  status: z.literal('mfa-required'),
  ticket: z.string(),
  expiresAt: EpochMsSchema,
  factors: z.array(MfaFactorSchema),
  maskedPhone: z.string().nullable(),
  attemptsLeft: z.number().int(),
});
export type MfaRequired = z.infer<typeof MfaRequiredSchema>;

export const SignInOutcomeSchema = z.discriminatedUnion('status', [SignedInSchema, MfaRequiredSchema]);
export type SignInOutcome = z.infer<typeof SignInOutcomeSchema>;

const RememberedDeviceTokenSchema = TokenSchema.optional();

export const PasswordSignInRequestSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(1024),
  device: DeviceInfoSchema.optional(),
  rememberedDeviceToken: RememberedDeviceTokenSchema,
});

export const PasswordPolicyQuerySchema = z.strictObject({ preset: PasswordPresetSchema.optional() });

// --- SSO: start -> simulated external IdP page (/idp/authorize) -> finish --------------------
export const SsoStartRequestSchema = z.strictObject({ email: EmailSchema, device: DeviceInfoSchema.optional() });
export const SsoStartResponseSchema = z.object({
  state: z.string(),
  providerName: z.string(),
  /** The simulated identity provider's page (HTML) for a browser window. */
  authorizeUrl: z.string(),
  expiresAt: EpochMsSchema,
});
/** What the IdP page submits; clients without a browser window may post it directly. */
export const IdpConsentRequestSchema = z.strictObject({ state: TokenSchema, approve: z.boolean() });
export const IdpConsentResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('approved'), code: z.string() }),
  z.object({ status: z.literal('denied') }),
]);
export const IdpFormRequestSchema = z.strictObject({ state: TokenSchema, decision: z.enum(['approve', 'deny']) });
export const IdpAuthorizeQuerySchema = z.strictObject({ state: TokenSchema });
export const SsoFinishRequestSchema = z.strictObject({ state: TokenSchema, code: TokenSchema });

// --- Forgot password ---------------------------------------------------------------------------
/** The mock "I'm not a robot" box: ticking it yields a short-lived single-use token. */
export const HumanCheckRequestSchema = z.strictObject({ notARobot: z.literal(true) });
export const HumanCheckResponseSchema = z.object({ humanToken: z.string(), expiresAt: EpochMsSchema });
export const ForgotPasswordRequestSchema = z.strictObject({
  email: EmailSchema,
  /** "Reset password" or "One-time sign-in link". */
  kind: z.enum(['reset', 'magic-link']),
  humanToken: TokenSchema,
  device: DeviceInfoSchema.optional(),
  /** Language of the email when the address has no account language (default sv). */
  language: LanguageSchema.optional(),
});
/** Identical (and equally slow) whether or not the address has an account. */
export const ForgotPasswordResponseSchema = z.object({ status: z.literal('sent') });
export const LinkTokenRequestSchema = z.strictObject({ token: TokenSchema });
export const ResetInspectResponseSchema = z.object({ email: z.string(), policy: PasswordPolicySchema, expiresAt: EpochMsSchema });
/** Whose one-time sign-in link this is, without using it (a signed-in client asks before replacing its session). */
export const MagicInspectResponseSchema = z.object({ email: z.string(), expiresAt: EpochMsSchema });
export const ResetPasswordRequestSchema = z.strictObject({
  token: TokenSchema,
  password: z.string().min(1).max(1024),
  device: DeviceInfoSchema.optional(),
});
/** No session: the user signs in with the new password afterwards. */
export const PasswordChangedSchema = z.object({ status: z.literal('password-changed') });
export const MagicLinkRequestSchema = z.strictObject({
  token: TokenSchema,
  device: DeviceInfoSchema.optional(),
  rememberedDeviceToken: RememberedDeviceTokenSchema,
});

// --- 2FA at sign-in ----------------------------------------------------------------------------
export const PushStartRequestSchema = z.strictObject({ ticket: TokenSchema });
export const PushStartResponseSchema = z.object({
  pushId: z.string(),
  /** Two digits shown on the sign-in screen; the user enters or picks it in the authenticator. */
  number: z.string(),
  expiresAt: EpochMsSchema,
});
export const PushStatusRequestSchema = z.strictObject({
  ticket: TokenSchema,
  pushId: IdSchema,
  rememberDevice: z.boolean().optional(),
});
export const PushStatusResponseSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending'), expiresAt: EpochMsSchema }),
  /** `wrong-number`: the device picked another number than the sign-in screen showed. */
  z.object({ state: z.literal('denied'), reason: z.enum(['declined', 'wrong-number']).optional() }),
  z.object({ state: z.literal('expired') }),
  /** Returned once: the ticket is used up by the sign-in it completes. */
  z.object({ state: z.literal('approved'), signIn: SignedInSchema }),
]);
export const SmsSendRequestSchema = z.strictObject({ ticket: TokenSchema });
export const SmsSendResponseSchema = z.object({
  maskedPhone: z.string(),
  expiresAt: EpochMsSchema,
  resendAvailableAt: EpochMsSchema,
});
export const MfaVerifyRequestSchema = z.strictObject({
  ticket: TokenSchema,
  factor: z.enum(['totp', 'sms', 'emergency']),
  code: z.string().trim().min(1).max(40),
  rememberDevice: z.boolean().optional(),
});
