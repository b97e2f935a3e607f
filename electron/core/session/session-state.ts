import type { MfaMethod, SessionStep, SignedInUser } from '@shared/contract';
import type { HrmSession, MfaFactor, SignedIn } from '@shared/identity-api';
import { AppError } from '@shared/result';

/** The main-side state: the renderer's view plus the credentials that must never leave main. */
export type InternalState =
  /** `ended`: the server ended the signed-in session (expired, revoked); how that user had signed in. */
  | { step: 'signed-out'; ended?: 'legacy' | 'connect' }
  | { step: 'password'; email: string }
  | { step: 'sso'; email: string; provider: string }
  | { step: 'idp'; email: string; provider: string; ssoState: string }
  | {
      step: 'mfa';
      email: string;
      ticket: string;
      factors: MfaFactor[];
      method: MfaMethod;
      maskedPhone: string | null;
      push: { pushId: string; number: string; state: 'pending' | 'denied' | 'wrong-number' | 'expired' } | null;
    }
  | {
      step: 'signed-in';
      user: SignedInUser;
      connectToken: string | null;
      hrmToken: string | null;
      /** When the server ends the session (the earlier of the two), for the stored copy. */
      expiresAt?: number | null;
      offerTwoFactor: boolean;
      /** "Your emergency code has been used": the replacement, until the user says it is stored. */
      newEmergencyCode?: string | null;
    };

/** Strips every credential: what the contract's SessionStep may carry. */
export function toStep(s: InternalState): SessionStep {
  switch (s.step) {
    case 'signed-out':
      return s.ended ? { step: 'signed-out', ended: s.ended } : { step: 'signed-out' };
    case 'password':
      return { step: 'password', email: s.email };
    case 'sso':
    case 'idp':
      return { step: s.step, email: s.email, provider: s.provider };
    case 'mfa':
      return {
        step: 'mfa',
        email: s.email,
        methods: s.factors,
        method: s.method,
        maskedPhone: s.maskedPhone,
        pushNumber: s.push?.number ?? null,
        pushState: s.push?.state ?? 'none',
      };
    case 'signed-in':
      return { step: 'signed-in', user: s.user, offerTwoFactor: s.offerTwoFactor, newEmergencyCode: s.newEmergencyCode ?? null };
  }
}

/** Push first (the preferred factor), then an app code, SMS, and the emergency code last. */
export function preferredMethod(factors: MfaFactor[]): MfaMethod {
  for (const m of ['push', 'totp', 'sms', 'emergency'] as const) if (factors.includes(m)) return m;
  return 'totp';
}

/**
 * While signed in, anything that would sign in another account (a one-time sign-in link, a reset
 * link, a new email or SSO sign-in, a legacy sign-in) is refused with `session.other-account`
 * { current, next } until the user confirms "You are signed in as X. Sign out and continue as Y?".
 * A confirmed replacement (and a new sign-in of the same account) first signs the current session
 * out on the server, so no valid session is left behind: 'replace'. `keepSame`: the same
 * account's link does not replace the session (a reset link signs nobody in): 'keep'.
 */
export function replacementOf(
  current: SignedInUser,
  next: { email?: string; userId?: string },
  confirm: boolean,
  keepSame: boolean,
): 'keep' | 'replace' {
  const same =
    (next.email !== undefined && current.email?.toLowerCase() === next.email.toLowerCase()) ||
    (next.userId !== undefined && current.userId?.toLowerCase() === next.userId.toLowerCase());
  if (!same && !confirm) {
    throw new AppError('session.other-account', {
      current: current.email ?? current.userId ?? current.name,
      next: next.email ?? next.userId ?? '',
    });
  }
  return same && keepSame ? 'keep' : 'replace';
}

/** The signed-in state of a Connect sign-in, with the HRM session it opened after the cutover (the role comes with it only). */
export function connectSignedIn(s: SignedIn, hrm: HrmSession | null): Extract<InternalState, { step: 'signed-in' }> {
  return {
    step: 'signed-in',
    user: {
      name: hrm?.user.name ?? s.hrm?.name ?? s.account.name,
      email: s.account.email,
      userId: s.hrm?.userId ?? null,
      company: hrm?.user.companyName ?? s.hrm?.companyName ?? '',
      method: 'connect',
      role: hrm?.user.role ?? null,
    },
    connectToken: s.session.token,
    hrmToken: hrm?.token ?? null,
    expiresAt: hrm ? Math.min(s.session.expiresAt, hrm.expiresAt) : s.session.expiresAt,
    offerTwoFactor: s.twoFactorPrompt,
    newEmergencyCode: s.newEmergencyCode,
  };
}
