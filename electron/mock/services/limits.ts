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

function startLock(ctx: MockContext, key: string, rule: LockoutRule): void {
  const at = ctx.clock.now();
  ctx.db
    .prepare('INSERT INTO lockouts (key, until) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET until = excluded.until')
    .run(key, at + rule.lockMs);
  // A fresh window after the lock ends: the guesses that caused it are spent.
  ctx.db.prepare('DELETE FROM sign_in_failures WHERE key = ?').run(key);
}

function guessesInWindow(ctx: MockContext, key: string, rule: LockoutRule): number {
  const { n } = ctx.db
    .prepare('SELECT COUNT(*) AS n FROM sign_in_failures WHERE key = ? AND at > ?')
    .get(key, ctx.clock.now() - rule.windowMs) as { n: number };
  return n;
}

/**
 * A password guess is counted before it is checked. The check (argon2) is awaited, so a count
 * made after it lets every guess of a burst through before the first failure is written; here
 * the guess is written first, synchronously (SQLite and the event loop make the check and the
 * write one step), as a failure that a right password takes back. So however many guesses arrive
 * at once, at most `maxFailures` per window are evaluated; the one after them starts the lock.
 *
 * Returns the lock's minutes left when the guess may not be evaluated (0 when it may), and
 * whether this guess, the one after the window's last, started the lock.
 */
export function reserveGuess(
  ctx: MockContext,
  key: string,
  rule: LockoutRule,
): { minutesLeft: number; started: boolean; reservation: number } {
  const minutesLeft = lockedMinutesLeft(ctx, key);
  if (minutesLeft > 0) return { minutesLeft, started: false, reservation: 0 };
  if (guessesInWindow(ctx, key, rule) >= rule.maxFailures) {
    startLock(ctx, key, rule);
    return { minutesLeft: Math.ceil(rule.lockMs / 60_000), started: true, reservation: 0 };
  }
  const reservation = Number(
    ctx.db.prepare('INSERT INTO sign_in_failures (key, at) VALUES (?, ?)').run(key, ctx.clock.now()).lastInsertRowid,
  );
  inFlight(ctx).add(reservation);
  return { minutesLeft: 0, started: false, reservation };
}

/**
 * Reserved guesses whose check has not ended, per mock (their rows in sign_in_failures). A right
 * password clears the failures before it, never these: a guess still being checked when the owner
 * signs in is an attacker's as likely as not, and clearing it let a burst around a right password
 * have its guesses counted afresh (13 of 50 checked against a policy of 8). In memory: a restart
 * ends every check anyway.
 */
const checking = new WeakMap<MockContext['db'], Set<number>>();
function inFlight(ctx: MockContext): Set<number> {
  let set = checking.get(ctx.db);
  if (!set) checking.set(ctx.db, (set = new Set()));
  return set;
}

/**
 * After a reserved guess was wrong: the lock's minutes left (0 when not locked), and whether this
 * guess completed the window's guesses and so started the lock.
 */
export function guessFailed(
  ctx: MockContext,
  key: string,
  rule: LockoutRule,
  reservation: number,
): { minutesLeft: number; started: boolean } {
  inFlight(ctx).delete(reservation);
  const minutesLeft = lockedMinutesLeft(ctx, key);
  if (minutesLeft > 0) return { minutesLeft, started: false };
  if (guessesInWindow(ctx, key, rule) < rule.maxFailures) return { minutesLeft: 0, started: false };
  startLock(ctx, key, rule);
  return { minutesLeft: Math.ceil(rule.lockMs / 60_000), started: true };
}

/**
 * After a reserved guess was right: clears the failures (not the guesses still being checked, see
 * `checking`), unless a lock started while it was being checked (a right password inside a burst
 * of wrong ones does not undo the lock the burst reached). Returns the lock's minutes left then,
 * 0 when the sign-in may go on.
 */
export function guessSucceeded(ctx: MockContext, key: string, reservation: number): number {
  const pending = inFlight(ctx);
  pending.delete(reservation);
  const minutesLeft = lockedMinutesLeft(ctx, key);
  if (minutesLeft > 0) return minutesLeft;
  const keep = [...pending];
  ctx.db.prepare(`DELETE FROM sign_in_failures WHERE key = ? AND rowid NOT IN (${keep.map(() => '?').join(',')})`).run(key, ...keep);
  return 0;
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
  const recent = (
    ctx.db.prepare('SELECT at FROM sends WHERE key = ? AND at > ? ORDER BY at').all(key, at - 3_600_000) as { at: number }[]
  ).map((r) => r.at);
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
