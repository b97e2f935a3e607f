/**
 * kill -9 during settings and session writes (real keychain, real SQLite, the identity mock in
 * this process so it outlives the child): a child changes the settings and signs in and out in a
 * loop and is SIGKILLed at a random moment. The next start must open (app.db passes
 * integrity_check), read the settings the last update that resolved wrote (or the one in flight),
 * never lose a field to the defaults, and restore the session only as the server still honours it:
 * signed out after a sign-out that resolved, signed in or out after a sign-in (the keychain is
 * written in the background, a kill may beat it: the user signs in again). Prints one line of
 * figures; exits 1 on a broken start, lost settings or a session back after its sign-out.
 *
 * `npm run audit -- kill9-settings` (AUDIT_KILL9_CYCLES, default 30).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AppInfo } from '@shared/contract';
import { createAppCore } from '../electron/core/app-core';
import { KeytarSecretStore } from '../electron/core/secrets/keytar-secret-store';
import { startIdentityMock } from '../electron/mock/start';

const CYCLES = Number(process.env.AUDIT_KILL9_CYCLES ?? 30);
const ROOT = join(import.meta.dirname, '..');
const service = `Flex HRM Connect audit kill9 settings ${randomUUID()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'flex-audit-kill9-settings-'));
const info: AppInfo = {
  name: 'audit',
  version: '0',
  platform: process.platform,
  host: 'electron',
  systemLocale: 'en',
  screenCapture: 'none',
};
// The child signs in hundreds of times a minute: per-client throttling is not what this measures.
const mock = await startIdentityMock({ port: 0, limits: { signInPerClientPerMinute: 1e6 } });
const totals = {
  cycles: 0,
  settingsWrites: 0,
  signIns: 0,
  signOuts: 0,
  brokenStarts: 0,
  lostSettings: 0,
  backAfterSignOut: 0,
  childFailures: 0,
  killedSignedIn: 0,
  restoredSignedIn: 0,
};

/** What the child had said when it died: the last resolved settings and the one in flight, and the last session change. */
interface Said {
  settings: string | null;
  inFlight: string | null;
  session: 'in' | 'out' | 'signing-in' | 'signing-out' | null;
}

function runChildUntilKilled(): Promise<Said> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'audit/support/settings-session-writer.ts', service, dataDir, mock.url], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const said: Said = { settings: null, inFlight: null, session: null };
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), 300 + Math.random() * 4000);
        else if (line.startsWith('s ')) said.inFlight = line.slice(2);
        else if (line.startsWith('S ')) {
          said.settings = line.slice(2);
          said.inFlight = null;
          totals.settingsWrites++;
        } else if (line === 'i') said.session = 'signing-in';
        else if (line === 'I') {
          said.session = 'in';
          totals.signIns++;
        } else if (line === 'o') said.session = 'signing-out';
        else if (line === 'O') {
          said.session = 'out';
          totals.signOuts++;
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') {
        totals.childFailures++;
        console.error(`writer ended with ${code ?? signal}: ${stderr.slice(-500)}`);
      }
      resolve(said);
    });
  });
}

/** Checks the start after a kill; answers the settings it found (what the next cycle starts from). */
async function check(said: Said, lastSettings: string | null): Promise<string | null> {
  try {
    const db = new Database(join(dataDir, 'app.db'));
    const integrity = db.pragma('integrity_check', { simple: true });
    db.close();
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    const core = await createAppCore({
      dataDir,
      secretStore: new KeytarSecretStore(service),
      credentialStore: new KeytarSecretStore(`${service} credentials`),
      embeddedServerUrl: mock.url,
      info,
    });
    try {
      const settings = (await core.dispatch('settings.getSettings', {})) as { ok: true; value: Record<string, unknown> };
      const stored = JSON.stringify({ language: settings.value.language, clearClipboard: settings.value.clearClipboard });
      const allowed = [said.settings ?? lastSettings, said.inFlight].filter(Boolean);
      if (allowed.length > 0 && !allowed.includes(stored)) {
        totals.lostSettings++;
        console.error(`settings after kill: ${stored}, expected one of ${allowed.join(' / ')}`);
      }
      const step = ((await core.dispatch('session.getState', {})) as { ok: true; value: { state: { step: string } } }).value.state.step;
      if (said.session === 'out' && step === 'signed-in') totals.backAfterSignOut++;
      if (said.session === 'in') {
        totals.killedSignedIn++;
        if (step === 'signed-in') totals.restoredSignedIn++;
      }
      // Leave the next child a known start: signed out on the server and here.
      if (step === 'signed-in') await core.dispatch('session.signOut', {});
      await core.shutdown();
      return stored;
    } finally {
      core.close();
    }
  } catch (e) {
    totals.brokenStarts++;
    console.error(`start after kill -9 failed: ${String(e)}`);
    return lastSettings;
  }
}

let lastSettings: string | null = null;
try {
  for (let i = 0; i < CYCLES; i++) {
    const said = await runChildUntilKilled();
    lastSettings = await check(said, lastSettings);
    totals.cycles++;
  }
} finally {
  for (const s of [service, `${service} credentials`]) {
    const store = new KeytarSecretStore(s);
    for (const { key } of await store.list().catch(() => [])) await store.delete(key);
  }
  await mock.close();
  rmSync(dataDir, { recursive: true, force: true });
}
const bad = totals.brokenStarts + totals.lostSettings + totals.backAfterSignOut + totals.childFailures;
console.log(
  `kill9-settings-session: ${totals.cycles} kill -9 cycles, ${totals.settingsWrites} settings writes, ${totals.signIns} sign-ins and ${totals.signOuts} sign-outs confirmed; ` +
    `broken starts ${totals.brokenStarts}, settings lost ${totals.lostSettings}, sessions back after their sign-out ${totals.backAfterSignOut}, writer failures ${totals.childFailures}; ` +
    `killed while signed in ${totals.killedSignedIn}, of them restored signed in ${totals.restoredSignedIn} (the rest: the background keychain write was beaten)`,
);
process.exit(bad === 0 ? 0 : 1);
