/**
 * Every number the mock's rules use, in one place, with where it comes from. Durations in ms.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const LIMITS = {
  /** Smallest body worth accepting; anything bigger is a 413, never parsed. */
  bodyLimitBytes: 64 * 1024,
  hrmSessionMs: 8 * HOUR,
  connectSessionMs: 8 * HOUR,

  // Preparation (the Get Started with Visma Connect guide): 6-digit code valid 30 minutes; 5 wrong codes invalidate it.
  prepCodeMs: 30 * MINUTE,
  prepMaxFailures: 5,
  /** Resend: at most one send per minute and five per hour per HRM user (admin resends included). */
  sendMinIntervalMs: MINUTE,
  sendMaxPerHour: 5,
  /** "Not right now" hides the banner for 24 hours (the Get Started with Visma Connect guide, mobile). */
  bannerSnoozeMs: DAY,

  // Recovery (the sign-in guides).
  humanCheckMs: 2 * MINUTE,
  resetLinkMs: 24 * HOUR,
  /** A sign-in link is a bearer credential; one hour is plenty to open an email. */
  magicLinkMs: HOUR,
  /** Forgot-password answers never come faster than this, so timing does not reveal accounts. */
  forgotPasswordMinMs: 300,

  // 2FA.
  mfaTicketMs: 10 * MINUTE,
  /** One failure counter per sign-in across all factors; at this count the ticket dies. */
  mfaMaxFailures: 5,
  pushRequestMs: 2 * MINUTE,
  smsCodeMs: 10 * MINUTE,
  rememberDeviceMs: 30 * DAY,
  /** "Remind me later" postpones the 2FA prompt for a day. */
  remindLaterMs: DAY,
  enrolmentMs: 10 * MINUTE,
  enrolmentMaxFailures: 5,
  ssoStateMs: 10 * MINUTE,
  passwordHistory: 5,

  // Per-client throttling (rate-limiter-flexible, in memory), on top of the per-account lockout:
  // password guesses spread across many accounts, robot checks, recovery sends, and address
  // checks in the preparation flow (which would otherwise list the linked addresses).
  /** Password sign-in attempts (Connect and HRM legacy) per client address per minute. */
  signInPerClientPerMinute: 20,
  /** "I'm not a robot" checks per client address per minute. */
  humanChecksPerClientPerMinute: 10,
  /** Forgot-password and sign-in-link requests per client address per minute. */
  recoveryPerClientPerMinute: 10,
  /** Preparation sends (each checks whether the address is taken) per HRM user per hour. */
  addressChecksPerUserPerHour: 10,
} as const;

/** Issuer shown in authenticator apps and in push enrolment. */
export const ISSUER = 'Visma Connect';
/** The app name a push approval names ("Flex HRM wants to sign you in"). */
export const PUSH_APP_NAME = 'Flex HRM';
