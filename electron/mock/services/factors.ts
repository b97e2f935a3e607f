import type { FactorView, MfaFactor } from '@shared/identity-api';
import type { MockContext } from '../context';

export interface FactorRow {
  id: string;
  account_id: string;
  kind: MfaFactor;
  label: string;
  totp_secret: string | null;
  last_counter: number | null;
  phone: string | null;
  device_id: string | null;
  code_hash: string | null;
  created_at: number;
  last_used_at: number | null;
}

const ORDER: MfaFactor[] = ['push', 'totp', 'sms', 'emergency'];

export function listFactors(ctx: MockContext, accountId: string, kind?: MfaFactor): FactorRow[] {
  return ctx.db
    .prepare('SELECT * FROM factors WHERE account_id = @accountId AND (@kind IS NULL OR kind = @kind) ORDER BY created_at, id')
    .all({ accountId, kind: kind ?? null }) as FactorRow[];
}

/** 2FA is on when a sign-in factor exists; the emergency code alone is only a fallback. */
export function hasTwoFactor(ctx: MockContext, accountId: string): boolean {
  return listFactors(ctx, accountId).some((f) => f.kind !== 'emergency');
}

/** The factors a sign-in may use, in the order a client should offer them. */
export function availableFactors(ctx: MockContext, accountId: string): MfaFactor[] {
  const kinds = new Set(listFactors(ctx, accountId).map((f) => f.kind));
  return ORDER.filter((k) => kinds.has(k));
}

export function factorView(f: FactorRow): FactorView {
  return { id: f.id, kind: f.kind, label: f.label, createdAt: f.created_at, lastUsedAt: f.last_used_at };
}

export function touchFactor(ctx: MockContext, id: string): void {
  ctx.db.prepare('UPDATE factors SET last_used_at = ? WHERE id = ?').run(ctx.clock.now(), id);
}

/** "+46701234567" -> "+46*******67": enough to recognise the number, not to learn it. */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, 3)}${'*'.repeat(Math.max(0, e164.length - 5))}${e164.slice(-2)}`;
}

/**
 * National numbers get the default country code (+46): "070-123 45 67" -> "+46701234567";
 * "+..." and "00..." are international. Null if the result is not a plausible E.164 number.
 */
export function toE164(input: string, defaultCountryCode = '+46'): string | null {
  const compact = input.replace(/[\s().-]/g, '');
  let e164: string;
  if (compact.startsWith('+')) e164 = compact;
  else if (compact.startsWith('00')) e164 = `+${compact.slice(2)}`;
  else e164 = `${defaultCountryCode}${compact.replace(/^0/, '')}`;
  return /^\+[1-9]\d{6,14}$/.test(e164) ? e164 : null;
}
