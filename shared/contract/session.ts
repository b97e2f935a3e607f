import { z } from 'zod';
import { PasswordCompositionSchema } from '../password-policy';

/**
 * The HRM / Connect sign-in as the renderer sees it: view models only. Every token (HRM session,
 * Connect session, MFA ticket, remembered-device token, push-device credential) stays in the
 * main process; these schemas parse every response on the way out, so nothing undeclared leaks.
 */
const Email = z.string().trim().min(3).max(254);
const Code = z.string().trim().min(1).max(64);
const Token = z.string().min(1).max(512);

export const ServerChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded') }).strict(),
  z.object({ kind: z.literal('custom'), url: z.string().trim().min(1).max(2048) }).strict(),
]);
export type ServerChoice = z.infer<typeof ServerChoiceSchema>;

export const MFA_METHODS = ['push', 'totp', 'sms', 'emergency'] as const;
export const MfaMethodSchema = z.enum(MFA_METHODS);
export type MfaMethod = z.infer<typeof MfaMethodSchema>;

export const SignedInUserSchema = z.object({
  name: z.string(),
  email: z.string().nullable(),
  userId: z.string().nullable(),
  company: z.string(),
  method: z.enum(['legacy', 'connect']),
  /** The HRM role; null when there is no HRM session (a Connect account before its company's cutover). */
  role: z.enum(['employee', 'admin']).nullable(),
});
export type SignedInUser = z.infer<typeof SignedInUserSchema>;

export const SessionStepSchema = z.discriminatedUnion('step', [
  /**
   * `ended`: the server ended the signed-in session (it expired or was revoked) and a call found
   * out; the sign-in says so, on the form the user had used (user ID or Connect).
   */
  z.object({ step: z.literal('signed-out'), ended: z.enum(['legacy', 'connect']).optional() }),
  /** Discovery said: password. */
  z.object({ step: z.literal('password'), email: z.string() }),
  /** Discovery said: the company's identity provider (button "Sign in with <provider>"). */
  z.object({ step: z.literal('sso'), email: z.string(), provider: z.string() }),
  /** The simulated external identity provider's page. */
  z.object({ step: z.literal('idp'), email: z.string(), provider: z.string() }),
  z.object({
    step: z.literal('mfa'),
    email: z.string(),
    methods: z.array(MfaMethodSchema),
    method: MfaMethodSchema,
    maskedPhone: z.string().nullable(),
    /** Push only: the number the user must enter or pick in the authenticator. */
    pushNumber: z.string().nullable(),
    pushState: z.enum(['none', 'pending', 'denied', 'wrong-number', 'expired']),
  }),
  z.object({
    step: z.literal('signed-in'),
    user: SignedInUserSchema,
    /** Connect asks to set up 2FA (Enable / Remind me later). */
    offerTwoFactor: z.boolean(),
    /**
     * "Your emergency code has been used": the replacement the sign-in gave, kept in main (and
     * across a restart) until the user confirms it is stored (`session.acknowledgeEmergencyCode`).
     */
    newEmergencyCode: z.string().nullable().optional(),
  }),
]);
export type SessionStep = z.infer<typeof SessionStepSchema>;

export const SessionViewSchema = z.object({
  server: z.object({
    kind: z.enum(['embedded', 'custom']),
    /** Shown to the user; null for the built-in server. */
    url: z.string().nullable(),
    /** False until the user has chosen a server on first run. */
    configured: z.boolean(),
  }),
  savedEmail: z.string().nullable(),
  state: SessionStepSchema,
  /** The 2FA set-up flow in progress for the signed-in user, if any. */
  setup: z
    .lazy(() => SetupFlowViewSchema)
    .nullable()
    .optional(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

/** What the reset form needs of the server's policy: its composition rules (shared/password-policy.ts). */
export const PasswordPolicySchema = PasswordCompositionSchema;
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;

export const QrEnrolmentSchema = z.object({
  /** PNG data URL rendered in main: the otpauth URI inside it carries a secret. */
  qrDataUrl: z.string().startsWith('data:image/'),
  /** The key a person types into an authenticator app; they must see it anyway. */
  manualKey: z.string(),
});

/**
 * The 2FA set-up as a flow in main (Ory Kratos' self-service flows are the model): an id, an
 * expiry and the current step, so a reload, a tab switch or a restart resumes where the user
 * was. Steps follow the first-login guide: "Get started with 2FA" (this app's authenticator first),
 * the Visma Authenticator download screen, its QR + manual key, consent with the verification
 * code, another app's QR + key then its code, the optional SMS backup, the emergency code.
 */
export const SETUP_STEPS = [
  'start',
  'phone-download',
  'phone-qr',
  'consent',
  'totp-qr',
  'totp-code',
  'sms',
  'sms-code',
  'emergency',
] as const;
export const SetupStepSchema = z.enum(SETUP_STEPS);
export type SetupStep = z.infer<typeof SetupStepSchema>;
export const SetupFlowViewSchema = z.object({
  id: z.string(),
  /** Main's clock; the flow slides on with every step and is dropped once past this. */
  expiresAt: z.number(),
  step: SetupStepSchema,
  /** Where it was started: right after sign-in, or from the Connect account page. */
  origin: z.enum(['sign-in', 'account']),
  email: z.string(),
  /** phone-qr: the push enrolment QR; totp-qr: the TOTP app's QR. */
  qr: QrEnrolmentSchema.nullable(),
  /** consent: the code the authenticator shows, and the device that registered. */
  verificationCode: z.string().nullable(),
  deviceName: z.string().nullable(),
  /** sms-code: where the code went. */
  maskedPhone: z.string().nullable(),
  /** emergency: shown until the user confirms it is stored. */
  emergencyCode: z.string().nullable(),
});
export type SetupFlowView = z.infer<typeof SetupFlowViewSchema>;

export const sessionRequests = {
  serverSet: ServerChoiceSchema,
  legacySignIn: z
    .object({ userId: z.string().trim().min(1).max(200), password: z.string().min(1).max(1024), confirmReplace: z.boolean().optional() })
    .strict(),
  /**
   * `confirmReplace`: the user answered yes to "You are signed in as X. Sign out and continue as Y?"
   * (session.other-account); without it a sign-in for another account is refused while signed in.
   */
  discover: z.object({ email: Email, saveEmail: z.boolean(), confirmReplace: z.boolean().optional() }).strict(),
  password: z.object({ password: z.string().min(1).max(1024) }).strict(),
  ssoComplete: z.object({ approve: z.boolean() }).strict(),
  forgotSend: z.object({ email: Email, kind: z.enum(['reset', 'magic']), language: z.enum(['sv', 'en']).optional() }).strict(),
  linkToken: z.object({ token: Token, confirmReplace: z.boolean().optional() }).strict(),
  resetComplete: z.object({ token: Token, password: z.string().min(1).max(1024) }).strict(),
  mfaChoose: z.object({ method: MfaMethodSchema }).strict(),
  mfaVerify: z.object({ code: Code, rememberDevice: z.boolean() }).strict(),
  code: z.object({ code: Code }).strict(),
  phone: z.object({ phone: z.string().trim().min(4).max(32) }).strict(),
  consent: z.object({ approve: z.boolean() }).strict(),
  finish: z.object({ stored: z.literal(true) }).strict(),
  setupBegin: z.object({ origin: z.enum(['sign-in', 'account']) }).strict(),
  /** The steps a user may move to by a button (Next, Back, "I use another Authenticator app"). */
  setupGo: z.object({ step: z.enum(['start', 'phone-download', 'phone-qr', 'totp-qr', 'totp-code', 'sms', 'emergency']) }).strict(),
};

export const sessionResponses = {
  /** `validForMs`: the check expires then (2 minutes); the form unticks the box and says so. */
  humanCheck: z.object({ checked: z.literal(true), validForMs: z.number().int().nonnegative() }),
  resetInfo: z.object({ policy: PasswordPolicySchema, email: z.string() }),
  mfaVerified: z.object({ view: SessionViewSchema, newEmergencyCode: z.string().nullable() }),
};

/**
 * A push sign-in request waiting in this app's authenticator: who is signing in, to which app,
 * from where and when. Times are on main's clock (converted from the server's), so the renderer
 * can count down the time left.
 */
export const PushRequestViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  app: z.string(),
  /** Numbers to pick from; one of them is shown on the sign-in screen. */
  choices: z.array(z.string()),
  createdAt: z.number(),
  expiresAt: z.number(),
  /** Where the sign-in comes from, as the server saw it. */
  location: z.object({ device: z.string(), browser: z.string(), country: z.string(), ip: z.string() }),
});
export type PushRequestView = z.infer<typeof PushRequestViewSchema>;
export const PushPendingSchema = z.object({ requests: z.array(PushRequestViewSchema), generatedAt: z.number() });
/** Why a request left the list without being answered here. */
export const PushResolvedSchema = z.object({ id: z.string(), state: z.enum(['approved', 'denied', 'expired']) });
export const PushRespondSchema = z.object({ id: z.string().min(1).max(200), approve: z.boolean(), number: z.string().max(16) }).strict();
