/**
 * The keychain locked and missing (real gnome-keyring; run inside scripts/with-session.mjs):
 * 1. start-up against a locked login collection with an account stored (the SIGSEGV of issue 10):
 *    every start must answer `locked`, and `ok` again once unlocked;
 * 2. the lock toggled underneath a process that keeps calling the keychain (probe, then keytar:
 *    the window between the two is what this measures): how many processes died;
 * 3. no Secret Service at all (no bus / a bus address that leads nowhere): `unavailable`, not a crash.
 * Prints one line of figures per part; exits 1 if any process died or answered wrongly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { systemClock } from '@shared/clock';
import { migrate } from '../electron/core/db/migrations';
import { appMigrations } from '../electron/core/db/app-migrations';
import { toAccountSpec } from '../electron/core/otp/spec';
import { KeytarSecretStore } from '../electron/core/secrets/keytar-secret-store';
import { VaultService } from '../electron/core/vault/vault-service';
import { lockLogin, loginLocked, unlockLogin } from '../tests/keychain/support/keyring-lock';
import { clearKeychain } from './support/audit-core';

const ROOT = join(import.meta.dirname, '..');
const STARTS = Number(process.env.AUDIT_LOCKED_STARTS ?? 10);
const HAMMERS = Number(process.env.AUDIT_LOCKED_HAMMERS ?? 6);
const service = `Flex HRM Connect audit locked ${randomUUID()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'flex-audit-locked-'));
let failures = 0;
/** gnome-keyring-daemon itself has been seen to exit under fast Lock/Unlock; D-Bus starts it again. */
let daemonRestarts = 0;
async function unlock(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await unlockLogin();
      return;
    } catch (e) {
      if (attempt >= 5) throw e;
      daemonRestarts++;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
const lock = () => {
  try {
    lockLogin();
  } catch {
    daemonRestarts++;
  }
};

function start(env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/keychain/support/start-against-keychain.ts', service, dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  return { signal: r.signal, status: r.status, answer: line.startsWith('{') ? (JSON.parse(line) as { keychain: string }) : null };
}

try {
  // An account stored while unlocked.
  const db = new Database(join(dataDir, 'app.db'));
  migrate(db, appMigrations);
  const vault = new VaultService(db, new KeytarSecretStore(service), systemClock, () => []);
  await vault.open();
  await vault.add(toAccountSpec({ issuer: 'Audit', label: 'locked', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }));
  db.close();

  // 1. Starts against the locked and the unlocked collection, alternating.
  const starts = { runs: 0, died: 0, wrong: 0 };
  for (let i = 0; i < STARTS; i++) {
    const locked = i % 2 === 0;
    if (locked) lock();
    else await unlock();
    const r = start();
    starts.runs++;
    if (r.signal || r.status !== 0) starts.died++;
    else if (r.answer?.keychain !== (locked ? 'locked' : 'ok')) starts.wrong++;
  }
  if (loginLocked()) await unlock();
  failures += starts.died + starts.wrong;
  console.log(`keychain-locked starts: ${starts.runs} starts (half locked), died ${starts.died}, wrong state ${starts.wrong}`);

  // 2. The lock toggled underneath running keychain calls.
  const hammer = { processes: 0, died: 0, hung: 0, hungAtExit: 0, ok: 0, locked: 0, unavailable: 0, other: 0, toggles: 0 };
  for (let i = 0; i < HAMMERS; i++) {
    // No DISPLAY: a prompt from a restarted daemon fails at once instead of waiting on Xvfb.
    const env = { ...process.env, DISPLAY: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'audit/support/keychain-hammer.ts', `${service} hammer`, '60'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Hung: no keychain call ended for 45 s (more than twice the 20 s a stuck native call may take).
    let hang = setTimeout(() => (hammer.hung++, child.kill('SIGKILL')), 45_000);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      clearTimeout(hang);
      hang = setTimeout(() => (hammer.hung++, child.kill('SIGKILL')), 45_000);
    });
    // Widened: the exit handler sets it, which narrowing cannot see.
    let running = true as boolean;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => {
        running = false;
        resolve({ code, signal });
      }),
    );
    while (running) {
      lock();
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 40));
      await unlock();
      hammer.toggles++;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 40));
    }
    const { code, signal } = await exited;
    clearTimeout(hang);
    hammer.processes++;
    const last = out.trim().split('\n').at(-1) ?? '';
    // Its calls' answers, also from a process that printed them and then hung on its way out.
    if (last.startsWith('{')) {
      const c = JSON.parse(last) as Record<string, number>;
      for (const k of ['ok', 'locked', 'unavailable', 'other'] as const) hammer[k] += c[k] ?? 0;
    }
    if (signal === 'SIGKILL') {
      // Killed by us as hung (counted there): after its last call (at exit) or inside one?
      if (last.startsWith('{')) hammer.hungAtExit++;
      continue;
    }
    if (signal || code !== 0) hammer.died++;
  }
  if (loginLocked()) await unlock();
  failures += hammer.died + hammer.hung + hammer.other;
  console.log(
    `keychain-locked toggling: ${hammer.processes} processes, ${hammer.toggles} lock/unlock toggles, died ${hammer.died}, hung ${hammer.hung} (${hammer.hungAtExit} of them after their last call, at exit); calls ok ${hammer.ok}, locked ${hammer.locked}, unavailable ${hammer.unavailable}, other errors ${hammer.other}; gnome-keyring-daemon restarts ${daemonRestarts}`,
  );

  // 3. No Secret Service.
  const missing = [
    start({ ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/flex-audit-bus' }),
    start({ ...process.env, DBUS_SESSION_BUS_ADDRESS: '' }),
  ];
  const missingBad = missing.filter((r) => r.signal || r.status !== 0 || r.answer?.keychain !== 'unavailable').length;
  failures += missingBad;
  console.log(
    `keychain-missing: ${missing.length} starts without a Secret Service, wrong or died ${missingBad} (answers: ${missing.map((r) => r.answer?.keychain ?? r.signal ?? r.status).join(', ')})`,
  );
} finally {
  if (loginLocked()) await unlock();
  await clearKeychain([service, `${service} credentials`, `${service} hammer`]);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failures === 0 ? 0 : 1);
