import type { MockContext } from '../context';

/** Sign-in lockout and send rate limits, counted in SQLite so they survive restarts. */

export interface LockoutRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Minutes left of a lockout (rounded up), or 0 when not locked. */
export function lockedMinutesLeft(ctx: MockContext, key: string): number {
  const row = ctx.db.prepare('SELECT until FROM lockouts WHERE key = ?').get(key) as { until: number } | undefined;
  const left = row ? row.until - ctx.clock.now() : 0;
  return left > 0 ? Math.ceil(left / 60_000) : 0;
}

/** Records a failure; returns true when this failure started a lockout. */
export function recordFailure(ctx: MockContext, key: string, rule: LockoutRule): boolean {
  const at = ctx.clock.now();
  ctx.db.prepare('INSERT INTO sign_in_failures (key, at) VALUES (?, ?)').run(key, at);
  const { n } = ctx.db.prepare('SELECT COUNT(*) AS n FROM sign_in_failures WHERE key = ? AND at > ?').get(key, at - rule.windowMs) as { n: number };
  if (n < rule.maxFailures) return false;
  ctx.db.prepare('INSERT INTO lockouts (key, until) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET until = excluded.until').run(key, at + rule.lockMs);
  // A fresh window after the lock ends: the failures that caused it are spent.
  ctx.db.prepare('DELETE FROM sign_in_failures WHERE key = ?').run(key);
  return true;
}

export function clearFailures(ctx: MockContext, key: string): void {
  ctx.db.prepare('DELETE FROM sign_in_failures WHERE key = ?').run(key);
  ctx.db.prepare('DELETE FROM lockouts WHERE key = ?').run(key);
}

/**
 * Seconds until another send is allowed under "one per minInterval, at most maxPerHour per
 * hour", or 0 if allowed now.
 */
export function sendRetryAfterSeconds(ctx: MockContext, key: string, minIntervalMs: number, maxPerHour: number): number {
  const at = ctx.clock.now();
  const recent = (ctx.db.prepare('SELECT at FROM sends WHERE key = ? AND at > ? ORDER BY at').all(key, at - 3_600_000) as { at: number }[]).map((r) => r.at);
  let allowedAt = 0;
  const last = recent[recent.length - 1];
  if (last !== undefined) allowedAt = last + minIntervalMs;
  if (recent.length >= maxPerHour) allowedAt = Math.max(allowedAt, (recent[recent.length - maxPerHour] ?? at) + 3_600_000);
  return allowedAt > at ? Math.ceil((allowedAt - at) / 1000) : 0;
}

export function recordSend(ctx: MockContext, key: string): void {
  ctx.db.prepare('INSERT INTO sends (key, at) VALUES (?, ?)').run(key, ctx.clock.now());
}

/** When the next send is allowed, assuming one was just recorded. */
export function nextSendAt(ctx: MockContext, key: string, minIntervalMs: number, maxPerHour: number): number {
  return ctx.clock.now() + sendRetryAfterSeconds(ctx, key, minIntervalMs, maxPerHour) * 1000;
}
