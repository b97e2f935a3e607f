/**
 * The keychain disappears while the app runs (real gnome-keyring in the private session of
 * scripts/with-session.mjs): the app's core runs in a child with an account whose code it shows;
 * the Secret Service's process is killed (by its own pid, asked from the bus), and the child keeps
 * calling (list, add). Every call must answer (no crash, no hang) with the codes already read
 * still shown and adds refused as `locked` / `unavailable` - never a plaintext fallback; once a
 * Secret Service is back (D-Bus may start one on the next call, locked: it is unlocked then),
 * Retry (vault.listAccounts) must say `ok` and adds work again, without a restart.
 *
 * `npm run audit -- keychain-vanishes` (AUDIT_VANISH_ROUNDS, default 5).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { KeytarSecretStore } from '../electron/core/secrets/keytar-secret-store';
import { loginLocked, unlockLogin } from '../tests/keychain/support/keyring-lock';

const ROUNDS = Number(process.env.AUDIT_VANISH_ROUNDS ?? 5);
const CALL_TIMEOUT_MS = 45_000;
const ROOT = join(import.meta.dirname, '..');
const service = `Flex HRM Connect audit vanish ${randomUUID()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'flex-audit-vanish-'));

/** The pid of the process that owns org.freedesktop.secrets on the session bus, or null. */
function secretServicePid(): number | null {
  try {
    const out = execFileSync(
      'gdbus',
      [
        'call',
        '--session',
        '--dest',
        'org.freedesktop.DBus',
        '--object-path',
        '/org/freedesktop/DBus',
        '--method',
        'org.freedesktop.DBus.GetConnectionUnixProcessID',
        'org.freedesktop.secrets',
      ],
      { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return Number(/uint32 (\d+)/.exec(out)?.[1] ?? NaN) || null;
  } catch {
    return null;
  }
}

/** Back as the user would have it: a Secret Service with the login collection unlocked. */
async function bringBack(): Promise<void> {
  if (secretServicePid() === null)
    spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
      input: 'flex-test-keyring',
      encoding: 'utf8',
      timeout: 20_000,
    });
  for (let i = 0; i < 50 && secretServicePid() === null; i++) await new Promise((r) => setTimeout(r, 100));
  if (loginLocked()) await unlockLogin();
}

const child = spawn(process.execPath, ['--import', 'tsx', 'audit/support/keychain-session.ts', service, dataDir], {
  cwd: ROOT,
  stdio: ['pipe', 'pipe', 'inherit'],
});
const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
// Widened: the exit handler sets it, which narrowing cannot see.
let exited = null as { code: number | null; signal: NodeJS.Signals | null } | null;
child.on('exit', (code, signal) => (exited = { code, signal }));
const totals = { rounds: 0, calls: 0, died: 0, hung: 0, wrong: 0, recovered: 0 };
const answers = new Map<string, number>();

async function ask(cmd: string): Promise<Record<string, unknown> | null> {
  if (exited) return null;
  totals.calls++;
  child.stdin.write(`${cmd}\n`);
  const next = await Promise.race([lines.next(), new Promise<'hung'>((r) => setTimeout(() => r('hung'), CALL_TIMEOUT_MS))]);
  if (next === 'hung') {
    totals.hung++;
    return null;
  }
  if (next.done) return null;
  const answer = JSON.parse(next.value) as Record<string, unknown>;
  const said = answer.keychain ?? answer.error ?? (answer.added ? 'added' : '?');
  const key = typeof said === 'string' ? said : JSON.stringify(said);
  answers.set(key, (answers.get(key) ?? 0) + 1);
  return answer;
}

try {
  await lines.next(); // ready
  const before = await ask(`add first-${randomUUID()}`);
  if (!before?.added) throw new Error(`could not add before the keychain went: ${JSON.stringify(before)}`);
  for (let round = 0; round < ROUNDS && !exited; round++) {
    const pid = secretServicePid();
    if (pid === null) throw new Error('no Secret Service to take away');
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && secretServicePid() === pid; i++) await new Promise((r) => setTimeout(r, 50));
    // Gone (or restarted locked by D-Bus on the first call): codes read before stay, adds are refused.
    const listed = await ask('list');
    const add = await ask(`add gone-${round}`);
    if (listed && (listed.codes as number) < 1) totals.wrong++;
    if (add && (add.added || !['keychain.locked', 'keychain.unavailable'].includes(String(add.error)))) totals.wrong++;
    await bringBack();
    // Retry on the keychain screen is a vault.listAccounts: ok again, and adds work.
    const retry = await ask('list');
    const again = await ask(`add back-${round}-${randomUUID()}`);
    if (retry?.keychain === 'ok' && again?.added) totals.recovered++;
    else {
      totals.wrong++;
      console.error(`round ${round}: after the keychain came back: ${JSON.stringify(retry)} ${JSON.stringify(again)}`);
    }
    totals.rounds++;
  }
  await ask('quit');
} finally {
  if (!exited) child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 200));
  const ended = exited;
  if (ended?.signal && ended.signal !== 'SIGKILL') totals.died++;
  if (secretServicePid() === null || loginLocked()) await bringBack();
  for (const s of [service, `${service} credentials`]) {
    const store = new KeytarSecretStore(s);
    for (const { key } of await store.list().catch(() => [])) await store.delete(key);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  `keychain-vanishes: ${totals.rounds} rounds of the Secret Service killed under a running app, ${totals.calls} calls; died ${totals.died}, hung ${totals.hung}, wrong answers ${totals.wrong}, ` +
    `recovered on Retry ${totals.recovered} of ${totals.rounds}; answers ${JSON.stringify(Object.fromEntries(answers))}`,
);
process.exit(totals.died + totals.hung + totals.wrong === 0 && totals.rounds === ROUNDS ? 0 : 1);
