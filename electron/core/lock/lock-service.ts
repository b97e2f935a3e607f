import { z } from 'zod';
import type { LockView } from '@shared/contract';
import type { Clock } from '@shared/clock';
import { AppError } from '@shared/result';
import type { SettingsStore } from '../settings/settings-store';
import { createArgon2Hasher, type PasswordHasher } from './password-hash';

/** Shortest app password accepted. */
export const MIN_LOCK_PASSWORD = 8;
/** Wrong passwords allowed before a wait; each one after doubles it (30 s, 60 s, ... at most 1 h). */
const FREE_ATTEMPTS = 5;
const BASE_WAIT_MS = 30_000;
const MAX_WAIT_MS = 3_600_000;
/** How often the idle rule is checked. */
const IDLE_CHECK_MS = 10_000;

/**
 * The OS's own user verification (macOS Touch ID through `systemPreferences.promptTouchID`).
 * Electron main provides it where it exists; the browser host and tests pass a fake or nothing.
 */
export interface UserVerification {
  canPrompt(): boolean;
  /** Resolves when the user was verified; rejects otherwise. */
  prompt(reason: string): Promise<void>;
}

/** Why the app locked: the user asked, idle time ran out, the system locked or slept. */
export type LockReason = 'manual' | 'idle' | 'system' | 'start';

const StoredSchema = z.object({
  /** Argon2id PHC string of the app password; absent while the lock is off. */
  passwordHash: z.string().startsWith('$argon2id$').optional(),
  touchId: z.boolean().default(false),
  /** 0: never by idle time. */
  autoLockMinutes: z.number().int().min(0).max(1440).default(5),
  hideCodes: z.boolean().default(false),
});
type Stored = z.infer<typeof StoredSchema>;
const KEY = 'lock';
const DEFAULTS: Stored = { touchId: false, autoLockMinutes: 5, hideCodes: false };

export interface LockServiceOptions {
  settings: SettingsStore;
  clock: Clock;
  /** Touch ID (Electron on macOS); null where there is none. */
  verification?: UserVerification | null;
  hasher?: PasswordHasher;
  /** Called with the new view whenever it changes (the `lock.changed` event). */
  onChange?: (view: LockView) => void;
  /** Timers: injectable so tests step them. Defaults to setInterval. */
  every?: (ms: number, fn: () => void) => () => void;
}

/**
 * The optional app lock (issue 12): an app password (Argon2id, never stored in clear), optionally
 * Touch ID to unlock, auto-lock after N idle minutes, and "lock now" events from the system (lock
 * screen, sleep: Electron's powerMonitor; the browser host has none and calls `lockNow`). While
 * locked, `assertUnlocked` throws `lock.locked`: the vault computes no code.
 *
 * The app starts locked when the lock is on. Idle time is measured from the renderer's reports
 * of user activity (`noteActivity`), by this process's clock.
 */
export class LockService {
  private locked: boolean;
  private lastActivity: number;
  private failures = 0;
  private waitUntil = 0;
  private readonly hasher: PasswordHasher;
  private readonly stopTimer: () => void;

  constructor(private readonly o: LockServiceOptions) {
    this.hasher = o.hasher ?? createArgon2Hasher();
    this.locked = this.stored().passwordHash !== undefined;
    this.lastActivity = o.clock.now();
    const every =
      o.every ??
      ((ms, fn) => {
        const t = setInterval(fn, ms);
        t.unref();
        return () => clearInterval(t);
      });
    this.stopTimer = every(IDLE_CHECK_MS, () => this.checkIdle());
  }

  private stored(): Stored {
    return this.o.settings.read(KEY, StoredSchema, DEFAULTS);
  }

  private write(s: Stored): void {
    this.o.settings.write(KEY, s);
  }

  view(): LockView {
    const s = this.stored();
    const available = this.o.verification?.canPrompt() ?? false;
    const wait = Math.max(0, this.waitUntil - this.o.clock.now());
    return {
      enabled: s.passwordHash !== undefined,
      locked: this.locked,
      touchId: { available, enabled: available && s.touchId },
      autoLockMinutes: s.autoLockMinutes,
      hideCodes: s.hideCodes,
      retryAfterSeconds: wait > 0 ? Math.ceil(wait / 1000) : null,
    };
  }

  private changed(): LockView {
    const v = this.view();
    this.o.onChange?.(v);
    return v;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  /** The vault's guard: no code while locked. */
  assertUnlocked(): void {
    if (this.locked) throw new AppError('lock.locked');
  }

  /** Locks now if the lock is on (a no-op otherwise): the user, the system's lock screen or sleep. */
  lockNow(_reason: LockReason = 'manual'): LockView {
    if (this.stored().passwordHash === undefined || this.locked) return this.view();
    this.locked = true;
    return this.changed();
  }

  /** The user did something in the app (throttled by the renderer): idle time starts again. */
  noteActivity(): void {
    if (!this.locked) this.lastActivity = this.o.clock.now();
  }

  /** Locks when the idle time has run out. Runs on a timer; public so tests can run it. */
  checkIdle(): void {
    const s = this.stored();
    if (this.locked || s.passwordHash === undefined || s.autoLockMinutes === 0) return;
    if (this.o.clock.now() - this.lastActivity >= s.autoLockMinutes * 60_000) this.lockNow('idle');
  }

  private assertNotWaiting(): void {
    const wait = this.waitUntil - this.o.clock.now();
    if (wait > 0) throw new AppError('lock.too-many-attempts', { seconds: Math.ceil(wait / 1000) });
  }

  /** Checks the app password, with a growing wait after repeated wrong ones. */
  private async checkPassword(password: string): Promise<void> {
    const hash = this.stored().passwordHash;
    if (hash === undefined) return;
    this.assertNotWaiting();
    // Counted before the (slow) check, so a burst of guesses cannot all pass under the limit.
    this.failures++;
    if (!(await this.hasher.verify(hash, password))) {
      if (this.failures >= FREE_ATTEMPTS) {
        this.waitUntil = this.o.clock.now() + Math.min(MAX_WAIT_MS, BASE_WAIT_MS * 2 ** (this.failures - FREE_ATTEMPTS));
      }
      this.changed();
      throw new AppError('lock.wrong-password');
    }
    this.failures = 0;
    this.waitUntil = 0;
  }

  private unlocked(): LockView {
    this.locked = false;
    this.lastActivity = this.o.clock.now();
    return this.changed();
  }

  async unlock(password: string): Promise<LockView> {
    if (!this.locked) return this.view();
    await this.checkPassword(password);
    return this.unlocked();
  }

  async unlockWithTouchId(reason: string): Promise<LockView> {
    if (!this.locked) return this.view();
    const v = this.view();
    if (!v.touchId.enabled || !this.o.verification) throw new AppError('lock.touch-id-unavailable');
    try {
      await this.o.verification.prompt(reason);
    } catch {
      throw new AppError('lock.touch-id-failed');
    }
    return this.unlocked();
  }

  /**
   * Turns the lock on with a password, or changes the password (the current one is needed then).
   * The app stays unlocked: the user just proved who they are.
   */
  async setPassword(password: string, current?: string): Promise<LockView> {
    if (this.locked) throw new AppError('lock.locked');
    if (Array.from(password).length < MIN_LOCK_PASSWORD) throw new AppError('lock.password-too-short', { min: MIN_LOCK_PASSWORD });
    if (this.stored().passwordHash !== undefined) await this.checkPassword(current ?? '');
    const passwordHash = await this.hasher.hash(password);
    this.write({ ...this.stored(), passwordHash });
    this.lastActivity = this.o.clock.now();
    return this.changed();
  }

  /** Turns the lock off; needs the password. */
  async disable(password: string): Promise<LockView> {
    if (this.locked) throw new AppError('lock.locked');
    await this.checkPassword(password);
    const { passwordHash: _gone, ...rest } = this.stored();
    this.write({ ...rest, touchId: false });
    return this.changed();
  }

  options(patch: { autoLockMinutes?: number | undefined; hideCodes?: boolean | undefined; touchId?: boolean | undefined }): LockView {
    if (this.locked) throw new AppError('lock.locked');
    if (patch.touchId && !(this.o.verification?.canPrompt() ?? false)) throw new AppError('lock.touch-id-unavailable');
    const next = { ...this.stored() };
    if (patch.autoLockMinutes !== undefined) next.autoLockMinutes = patch.autoLockMinutes;
    if (patch.hideCodes !== undefined) next.hideCodes = patch.hideCodes;
    if (patch.touchId !== undefined) next.touchId = patch.touchId;
    this.write(next);
    return this.changed();
  }

  close(): void {
    this.stopTimer();
  }
}
