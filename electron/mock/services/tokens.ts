import type { MockContext } from '../context';
import { randomId, randomToken, sha256 } from './crypto';

/**
 * Opaque tokens: sessions, links, tickets, SSO states, human checks, remembered devices. The row
 * holds only the SHA-256 of the token. Lookup is by that hash (an index seek reveals nothing
 * useful: the attacker does not know the hash of a token they have not guessed).
 */
export type TokenKind =
  | 'hrm-session'
  | 'connect-session'
  | 'human-check'
  | 'reset-link'
  | 'magic-link'
  | 'mfa-ticket'
  | 'mfa-sms'
  | 'sso-state'
  | 'sso-code'
  | 'remembered-device';

export interface TokenRow {
  id: string;
  kind: TokenKind;
  subject: string;
  data: Record<string, unknown>;
  failures: number;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

interface RawRow {
  id: string;
  kind: TokenKind;
  subject: string;
  data: string;
  failures: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

const fromRaw = (r: RawRow): TokenRow => ({
  id: r.id,
  kind: r.kind,
  subject: r.subject,
  data: JSON.parse(r.data) as Record<string, unknown>,
  failures: r.failures,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

/** Issues a token; `secret` lets a caller choose the value (e.g. a 6-digit SMS code). */
export function issueToken(
  ctx: MockContext,
  kind: TokenKind,
  subject: string,
  ttlMs: number,
  data: Record<string, unknown> = {},
  secret: string = randomToken(),
): { id: string; token: string; expiresAt: number } {
  const id = randomId();
  const at = ctx.clock.now();
  const expiresAt = at + ttlMs;
  ctx.db
    .prepare('INSERT INTO tokens (id, kind, hash, subject, data, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, kind, sha256(`${kind}:${secret}`), subject, JSON.stringify(data), at, expiresAt);
  return { id, token: secret, expiresAt };
}

/** Finds a token of the given kind by its value, whatever its state; undefined if unknown. */
export function findToken(ctx: MockContext, kind: TokenKind, token: string): TokenRow | undefined {
  // The kind is part of the hashed value, so a token of one kind can never pass as another.
  const row = ctx.db.prepare('SELECT * FROM tokens WHERE hash = ? AND kind = ?').get(sha256(`${kind}:${token}`), kind) as
    RawRow | undefined;
  return row ? fromRaw(row) : undefined;
}

export function getToken(ctx: MockContext, id: string): TokenRow | undefined {
  const row = ctx.db.prepare('SELECT * FROM tokens WHERE id = ?').get(id) as RawRow | undefined;
  return row ? fromRaw(row) : undefined;
}

export type TokenState = 'valid' | 'expired' | 'used';
export function tokenState(ctx: MockContext, t: TokenRow): TokenState {
  if (t.usedAt !== null) return 'used';
  return ctx.clock.now() >= t.expiresAt ? 'expired' : 'valid';
}

/** Finds a token that is unused and unexpired. */
export function findValidToken(ctx: MockContext, kind: TokenKind, token: string): TokenRow | undefined {
  const t = findToken(ctx, kind, token);
  return t && tokenState(ctx, t) === 'valid' ? t : undefined;
}

/**
 * Marks a token used. Conditional on `used_at IS NULL`, so of two concurrent uses exactly one
 * wins; returns false for the loser.
 */
export function consumeToken(ctx: MockContext, id: string): boolean {
  return ctx.db.prepare('UPDATE tokens SET used_at = ? WHERE id = ? AND used_at IS NULL').run(ctx.clock.now(), id).changes === 1;
}

export function addTokenFailure(ctx: MockContext, id: string): number {
  ctx.db.prepare('UPDATE tokens SET failures = failures + 1 WHERE id = ?').run(id);
  return (ctx.db.prepare('SELECT failures FROM tokens WHERE id = ?').get(id) as { failures: number }).failures;
}

export function updateTokenData(ctx: MockContext, id: string, data: Record<string, unknown>): void {
  ctx.db.prepare('UPDATE tokens SET data = ? WHERE id = ?').run(JSON.stringify(data), id);
}

/** Ends every unused token of a kind for a subject (e.g. all sessions after a password change). */
export function revokeTokens(ctx: MockContext, kind: TokenKind, subject: string): void {
  ctx.db.prepare('UPDATE tokens SET used_at = ? WHERE kind = ? AND subject = ? AND used_at IS NULL').run(ctx.clock.now(), kind, subject);
}
