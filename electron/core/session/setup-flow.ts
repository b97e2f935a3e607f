import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SetupStepSchema, type SetupFlowView, type SetupStep } from '@shared/contract';
import { systemClock, type Clock } from '@shared/clock';
import type { CredentialStore } from './credential-store';

/** A flow lives this long after its last step (Kratos: `expires_at`); the server's enrolments live 10 minutes each. */
export const SETUP_FLOW_TTL_MS = 30 * 60_000;

const Qr = z.object({ qrDataUrl: z.string(), manualKey: z.string() });

/** The whole flow as main keeps it (and stores in the keychain): the view plus the enrolment ids. */
export const SetupFlowStateSchema = z.object({
  v: z.literal(1),
  id: z.string(),
  expiresAt: z.number(),
  step: SetupStepSchema,
  origin: z.enum(['sign-in', 'account']),
  email: z.string(),
  push: z.object({ enrolmentId: z.string(), enrolUri: z.string() }).extend(Qr.shape).nullable(),
  consent: z.object({ verificationCode: z.string(), deviceName: z.string().nullable() }).nullable(),
  totp: z.object({ enrolmentId: z.string() }).extend(Qr.shape).nullable(),
  sms: z.object({ enrolmentId: z.string(), maskedPhone: z.string() }).nullable(),
  emergency: z.object({ enrolmentId: z.string(), code: z.string() }).nullable(),
  /** A factor was confirmed: from here on the flow may not be lost (SMS and emergency code follow). */
  committed: z.boolean(),
});
export type SetupFlowState = z.infer<typeof SetupFlowStateSchema>;

const storeKey = (email: string) => `setup-flow.${email.toLowerCase()}`;

/**
 * The 2FA set-up flow of the signed-in user, owned by main: one per account, kept in the
 * credential store (the keychain) so a reload, a tab switch or a restart resumes it at its step.
 * The emergency code it holds stays until the user confirms it is stored.
 */
export class SetupFlowStore {
  constructor(
    private readonly credentials: CredentialStore,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The account's flow, unless it expired before any factor was confirmed. */
  get(email: string): SetupFlowState | null {
    const raw = this.credentials.get(storeKey(email));
    if (raw === null) return null;
    let flow: SetupFlowState | null;
    try {
      const parsed = SetupFlowStateSchema.safeParse(JSON.parse(raw));
      flow = parsed.success ? parsed.data : null;
    } catch {
      flow = null;
    }
    // A committed flow never expires away: 2FA is on, and the emergency code must still be shown.
    if (!flow || (!flow.committed && flow.expiresAt <= this.clock.now())) {
      this.credentials.set(storeKey(email), null);
      return null;
    }
    return flow;
  }

  begin(email: string, origin: SetupFlowState['origin']): SetupFlowState {
    const flow: SetupFlowState = {
      v: 1,
      id: randomUUID(),
      expiresAt: this.clock.now() + SETUP_FLOW_TTL_MS,
      step: 'start',
      origin,
      email: email.toLowerCase(),
      push: null,
      consent: null,
      totp: null,
      sms: null,
      emergency: null,
      committed: false,
    };
    return this.save(flow);
  }

  /** Stores the next state of a flow; each step slides its expiry on. */
  save(flow: SetupFlowState): SetupFlowState {
    const next = { ...flow, expiresAt: this.clock.now() + SETUP_FLOW_TTL_MS };
    this.credentials.set(storeKey(flow.email), JSON.stringify(next));
    return next;
  }

  end(email: string): void {
    if (this.credentials.get(storeKey(email)) !== null) this.credentials.set(storeKey(email), null);
  }
}

/** What the renderer sees of a flow: never an enrolment id or an enrolment URI. */
export function toSetupView(f: SetupFlowState): SetupFlowView {
  const qr = f.step === 'phone-qr' ? f.push : f.step === 'totp-qr' ? f.totp : null;
  return {
    id: f.id,
    expiresAt: f.expiresAt,
    step: f.step,
    origin: f.origin,
    email: f.email,
    qr: qr ? { qrDataUrl: qr.qrDataUrl, manualKey: qr.manualKey } : null,
    verificationCode: f.step === 'consent' ? (f.consent?.verificationCode ?? null) : null,
    deviceName: f.step === 'consent' ? (f.consent?.deviceName ?? null) : null,
    maskedPhone: f.step === 'sms-code' ? (f.sms?.maskedPhone ?? null) : null,
    emergencyCode: f.step === 'emergency' ? (f.emergency?.code ?? null) : null,
  };
}

/** Steps a button may move to from each step (Next, Back, "I use another Authenticator app"). */
const MOVES: Partial<Record<SetupStep, SetupStep[]>> = {
  start: ['phone-download', 'totp-qr'],
  'phone-download': ['start', 'phone-qr', 'totp-qr'],
  'phone-qr': ['phone-download', 'start'],
  consent: ['start'],
  'totp-qr': ['start', 'phone-download', 'totp-code'],
  'totp-code': ['totp-qr'],
  'sms-code': ['sms'],
};

export const canMove = (from: SetupStep, to: SetupStep): boolean => MOVES[from]?.includes(to) ?? false;
