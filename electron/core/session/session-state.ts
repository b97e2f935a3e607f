import type { MfaMethod, SessionStep, SignedInUser } from '@shared/contract';
import type { MfaFactor } from '@shared/identity-api';

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
