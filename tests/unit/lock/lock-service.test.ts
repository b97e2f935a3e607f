import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '@shared/clock';
import type { LockView } from '@shared/contract';
import { migrate } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { LockService, type UserVerification } from '../../../electron/core/lock/lock-service';
import { createArgon2Hasher } from '../../../electron/core/lock/password-hash';

/** Cheap Argon2id for speed; one test checks the app's own (OWASP) parameters. */
const FAST = createArgon2Hasher({ memoryCost: 256, timeCost: 1, parallelism: 1 });
const PASSWORD = 'correct horse battery';

function setup(verification: UserVerification | null = null, db = new Database(':memory:')) {
  if (db.pragma('user_version', { simple: true }) === 0) migrate(db, appMigrations);
  const settings = new SettingsStore(db);
  const clock = new ManualClock({ now: () => 1_700_000_000_000 });
  const changes: LockView[] = [];
  let tick: () => void = () => {};
  const lock = new LockService({
    settings,
    clock,
    verification,
    hasher: FAST,
    onChange: (v) => changes.push(v),
    every: (_ms, fn) => {
      tick = fn;
      return () => {};
    },
  });
  return { db, settings, clock, lock, changes, tick: () => tick() };
}

describe('LockService', () => {
  it('is off by default: never locked, lockNow does nothing', () => {
    const { lock } = setup();
    expect(lock.view()).toMatchObject({ enabled: false, locked: false, autoLockMinutes: 5, hideCodes: false });
    lock.lockNow('system');
    expect(lock.isLocked).toBe(false);
    expect(() => lock.assertUnlocked()).not.toThrow();
  });

  it('with a password: lock now, codes refused, the wrong password refused, the right one unlocks', async () => {
    const { lock, changes } = setup();
    await expect(lock.setPassword('short')).rejects.toMatchObject({ code: 'lock.password-too-short', params: { min: 8 } });
    await lock.setPassword(PASSWORD);
    expect(lock.view()).toMatchObject({ enabled: true, locked: false });
    lock.lockNow('system');
    expect(changes.at(-1)).toMatchObject({ locked: true });
    expect(() => lock.assertUnlocked()).toThrow(expect.objectContaining({ code: 'lock.locked' }));
    await expect(lock.unlock('wrong password')).rejects.toMatchObject({ code: 'lock.wrong-password' });
    expect(lock.isLocked).toBe(true);
    await expect(lock.unlock(PASSWORD)).resolves.toMatchObject({ locked: false });
  });

  it('stores only an Argon2id hash (OWASP parameters by default), never the password', async () => {
    const { db, settings, clock } = setup();
    const real = new LockService({ settings, clock, every: () => () => {} });
    await real.setPassword(PASSWORD);
    const row = JSON.stringify(db.prepare('SELECT value FROM settings').all());
    expect(row).not.toContain(PASSWORD);
    expect(row).toMatch(/\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('starts locked when the lock is on (a restart)', async () => {
    const first = setup();
    await first.lock.setPassword(PASSWORD);
    const again = setup(null, first.db);
    expect(again.lock.view()).toMatchObject({ enabled: true, locked: true });
  });

  it('locks after the idle minutes, counted from the last activity; 0 means never', async () => {
    const { lock, clock, tick } = setup();
    await lock.setPassword(PASSWORD);
    lock.options({ autoLockMinutes: 2 });
    clock.advance(90_000);
    lock.noteActivity();
    clock.advance(90_000);
    tick();
    expect(lock.isLocked).toBe(false);
    clock.advance(31_000);
    tick();
    expect(lock.isLocked).toBe(true);
    await lock.unlock(PASSWORD);
    lock.options({ autoLockMinutes: 0 });
    clock.advance(86_400_000);
    tick();
    expect(lock.isLocked).toBe(false);
  });

  it('after 5 wrong passwords it makes you wait, growing, and says how long', async () => {
    const { lock, clock } = setup();
    await lock.setPassword(PASSWORD);
    lock.lockNow();
    for (let i = 0; i < 5; i++) await expect(lock.unlock('nope nope')).rejects.toMatchObject({ code: 'lock.wrong-password' });
    await expect(lock.unlock(PASSWORD)).rejects.toMatchObject({ code: 'lock.too-many-attempts', params: { seconds: 30 } });
    expect(lock.view().retryAfterSeconds).toBe(30);
    clock.advance(30_000);
    await expect(lock.unlock('nope nope')).rejects.toMatchObject({ code: 'lock.wrong-password' });
    await expect(lock.unlock(PASSWORD)).rejects.toMatchObject({ code: 'lock.too-many-attempts', params: { seconds: 60 } });
    clock.advance(60_000);
    await expect(lock.unlock(PASSWORD)).resolves.toMatchObject({ locked: false, retryAfterSeconds: null });
  });

  it('changing or removing the password needs the current one; settings need the app unlocked', async () => {
    const { lock } = setup();
    await lock.setPassword(PASSWORD);
    await expect(lock.setPassword('another password', 'wrong one!')).rejects.toMatchObject({ code: 'lock.wrong-password' });
    await lock.setPassword('another password', PASSWORD);
    await expect(lock.disable(PASSWORD)).rejects.toMatchObject({ code: 'lock.wrong-password' });
    lock.lockNow();
    expect(() => lock.options({ hideCodes: true })).toThrow(expect.objectContaining({ code: 'lock.locked' }));
    await expect(lock.disable('another password')).rejects.toMatchObject({ code: 'lock.locked' });
    await lock.unlock('another password');
    await expect(lock.disable('another password')).resolves.toMatchObject({ enabled: false, locked: false });
  });

  it('"hide codes until clicked" is its own setting, without the lock', () => {
    const { lock } = setup();
    expect(lock.options({ hideCodes: true })).toMatchObject({ enabled: false, hideCodes: true });
  });

  it('Touch ID: only where offered; unlocks when verified, refuses when not', async () => {
    const prompt = vi.fn<UserVerification['prompt']>();
    const { lock } = setup({ canPrompt: () => true, prompt });
    expect(setup().lock.view().touchId).toEqual({ available: false, enabled: false });
    expect(() => setup().lock.options({ touchId: true })).toThrow(expect.objectContaining({ code: 'lock.touch-id-unavailable' }));
    await lock.setPassword(PASSWORD);
    lock.options({ touchId: true });
    lock.lockNow();
    prompt.mockRejectedValueOnce(new Error('cancelled'));
    await expect(lock.unlockWithTouchId('unlock')).rejects.toMatchObject({ code: 'lock.touch-id-failed' });
    expect(lock.isLocked).toBe(true);
    prompt.mockResolvedValueOnce();
    await expect(lock.unlockWithTouchId('unlock')).resolves.toMatchObject({ locked: false });
    expect(prompt).toHaveBeenCalledWith('unlock');
  });
});
