import { z } from 'zod';

/**
 * The error catalogue: every error code main (or the renderer's own transport) can hand to the
 * renderer, declared once with the zod schema of its parameters (Ory Kratos' text/id.go is the
 * model: one registry, stable ids). `AppErrorData` is derived from it, the renderer's
 * `messageFor` is typed over it (a code without an sv or en text does not compile), and the
 * identity server's codes are mapped onto it with `satisfies Record<IdentityErrorCode, ...>`.
 *
 * Adding an error: one entry here, its sv and en texts in renderer/src/i18n/errors/ (see
 * docs/errors.md); the compiler then names every other place that must handle it.
 */
const none = z.object({}).strict();
const count = z.number().int().nonnegative();
/** An otp error raised while reading an export says which of its accounts (1-based) was wrong. */
const otp = <S extends z.ZodRawShape>(shape: S) => z.object({ ...shape, account: count.optional() });

export const clientErrors = {
  /** A bug or an answer that broke the contract; never an expected failure. */
  internal: none,
  /** A request field the contract (zod, in the dispatcher) or the server refused. `field` is its path ("emailDomains.1"). */
  'field.invalid': z.object({ field: z.string().max(200), reason: z.string().max(100).optional() }),

  'ipc.unknown-channel': none,
  'ipc.forbidden-sender': none,
  'host.unauthorized': none,
  /** The browser host could not read what the page sent (bad JSON, too large, wrong type). */
  'host.bad-request': none,

  // HRM / Connect sign-in. `minutes` says how long a lock or a back-off lasts.
  'session.invalid-credentials': none,
  'session.invalid-legacy-credentials': none,
  'session.locked': z.object({ minutes: count.optional() }),
  'session.not-available': none,
  'session.use-connect': none,
  'session.link-expired': none,
  'session.link-used': none,
  'session.link-invalid': none,
  'session.wrong-code': z.object({ attemptsLeft: count.optional() }),
  'session.reused-code': z.object({ attemptsLeft: count.optional() }),
  'session.code-expired': none,
  'session.too-many-attempts': z.object({ minutes: count.optional() }),
  'session.rate-limited': z.object({ minutes: count.optional() }),
  'session.human-check': none,
  /** The robot check expired (2 minutes) or was used: tick it again. */
  'session.human-check-expired': none,
  'session.password-policy': none,
  'session.password-reused': none,
  'session.invalid-phone': none,
  'session.invalid-url': none,
  'session.expired': none,
  'session.push-expired': none,
  'session.push-wrong-number': none,
  'session.sso-cancelled': none,
  'session.not-signed-in': none,
  'session.network': none,
  /** The 2FA set-up has a factor on already: it cannot be left before the emergency code is stored. */
  'session.setup-unfinished': none,
  /** The emergency code's enrolment ran out: a new code is shown, to be stored instead. */
  'session.emergency-renewed': none,
  /** A link, sign-in or SSO return for another account while signed in; main waits for `confirmReplace`. */
  'session.other-account': z.object({ current: z.string().max(254), next: z.string().max(254) }),

  // Account preparation for Visma Connect (email verification with a code, the link).
  'prep.code-wrong': z.object({ attemptsLeft: count.optional() }),
  'prep.code-expired': none,
  'prep.too-many-attempts': none,
  'prep.rate-limited': z.object({ seconds: count.optional() }),
  'prep.email-taken': none,
  'prep.already-linked': none,
  'prep.no-pending-code': none,

  // HRM administration and the Connect account page.
  /** The cutover refused: the acting admin's own user is not linked to Visma Connect. */
  'admin.self-not-linked': none,
  'admin.forbidden': none,
  'admin.user-not-found': none,
  'admin.rate-limited': z.object({ seconds: count.optional() }),
  'admin.no-pending-code': none,
  'admin.already-linked': none,
  'admin.email-taken': none,
  'account.factor-not-found': none,

  // Authenticator accounts (otpauth links, manual entry, exports).
  'otp.secret-missing': otp({}),
  'otp.secret-invalid-base32': otp({}),
  'otp.secret-too-short': otp({ minBits: count }),
  'otp.secret-too-long': otp({}),
  'otp.unsupported-type': otp({ type: z.string() }),
  'otp.unsupported-algorithm': otp({ algorithm: z.string() }),
  'otp.unsupported-digits': otp({ digits: z.union([z.number(), z.string()]) }),
  'otp.invalid-period': otp({ period: z.number().optional() }),
  'otp.invalid-counter': otp({}),
  'otp.name-missing': otp({}),
  /** `reason` names what is wrong with the link (syntax, host, too-long, base64, ...). */
  'otp.invalid-uri': otp({ reason: z.string().max(100) }),
  'otp.not-an-authenticator-code': otp({}),
  // Reading another authenticator app's export (Aegis, 2FAS, andOTP, Bitwarden, otpauth lists). `app` names it.
  'import.unknown-format': none,
  'import.malformed': z.object({ app: z.string().max(40) }),
  'import.password-required': z.object({ app: z.string().max(40) }),
  'import.wrong-password': none,
  'import.tampered': z.object({ app: z.string().max(40) }),
  'import.unsupported-encryption': z.object({ app: z.string().max(40) }),
  'import.too-large': z.object({ maxBytes: count }),
  // This app's own encrypted backups (docs/backup-format.md) and automatic backups.
  'backup.wrong-password': none,
  /** The file ends early (cut off while copying or downloading). */
  'backup.truncated': none,
  /** The file was changed after it was written (its authentication tag does not match). */
  'backup.tampered': none,
  'backup.newer-version': z.object({ found: count, supported: count }),
  /** The backup password is too easy to guess (zxcvbn score below 3). */
  'backup.password-weak': none,
  /** The chosen backup folder cannot be written (missing, not a folder, no permission). */
  'backup.folder-unavailable': z.object({ folder: z.string().max(4096) }),
  /** No backup folder is chosen (automatic backups, the plain export). */
  'backup.no-folder': none,
  /** The import preview is gone (it expired or was applied); choose the file again. */
  'backup.preview-expired': none,
  'vault.duplicate-account': z.object({ issuer: z.string(), label: z.string() }),
  'vault.not-found': none,
  'keychain.locked': none,
  'keychain.unavailable': none,
  'clipboard.write-failed': none,
  /** "Restart to update" while a push approval or a QR scan is open: the update waits. */
  'update.busy': none,
  /** "Restart to update" with no downloaded update (the state changed meanwhile). */
  'update.not-ready': none,
  /** app.db was written by a newer version of the app. */
  'db.from-the-future': z.object({ found: count, supported: count }),

  // Reading QR codes: the decoder, screen capture, selected regions.
  'qr.no-qr-found': none,
  'qr.unsupported-image': z.object({ reason: z.string().max(100).optional() }),
  'qr.image-too-large': z.object({ width: count.optional(), height: count.optional(), maxPixels: count.optional() }),
  'qr.decode-timeout': z.object({ timeoutMs: count.optional() }),
  'qr.decode-failed': none,
  'qr.decoder-crashed': none,
  'qr.decoder-closed': none,
  'qr.invalid-frame': z.object({ reason: z.string().max(100).optional() }),
  'capture.not-supported': none,
  'capture.permission-denied': z.object({ platform: z.string().optional() }),
  'capture.unavailable': z.object({ reason: z.string().max(100).optional() }),
  'capture.cancelled': none,
  'scan.capture-expired': none,
  'scan.region-empty': none,
} as const satisfies Record<string, z.ZodObject>;

export type ClientErrors = typeof clientErrors;
export type ClientErrorCode = keyof ClientErrors;
export type ClientErrorParams<C extends ClientErrorCode> = z.output<ClientErrors[C]>;

/** One failure as the renderer receives it: a discriminated union over the catalogue. */
export type AppErrorData = { [C in ClientErrorCode]: { code: C; params?: ClientErrorParams<C> } }[ClientErrorCode];
/** The error data of one code (or a union of codes). */
export type ErrorDataOf<C extends ClientErrorCode> = Extract<AppErrorData, { code: C }>;

export const isClientErrorCode = (code: unknown): code is ClientErrorCode =>
  typeof code === 'string' && Object.prototype.hasOwnProperty.call(clientErrors, code);

/** One error's data, typed by its code: `errorData('session.locked', { minutes: 3 })`. */
export const errorData = <C extends ClientErrorCode>(code: C, params?: ClientErrorParams<C>): ErrorDataOf<C> =>
  (params === undefined ? { code } : { code, params }) as ErrorDataOf<C>;

const WireErrorSchema = z.object({ code: z.string().max(100), params: z.unknown().optional() });

/**
 * Error data that came over a wire (IPC, the browser host's HTTP) checked against the catalogue:
 * a code it does not declare, or params that do not fit the code's schema, become `internal`, so
 * no raw or half-formed code ever reaches a person.
 */
export function parseAppErrorData(raw: unknown): AppErrorData {
  const wire = WireErrorSchema.safeParse(raw);
  if (!wire.success || !isClientErrorCode(wire.data.code)) return { code: 'internal' };
  const code = wire.data.code;
  if (wire.data.params === undefined) return { code } as AppErrorData;
  const params = (clientErrors[code] as z.ZodType).safeParse(wire.data.params);
  return params.success ? ({ code, params: params.data } as AppErrorData) : { code: 'internal' };
}
