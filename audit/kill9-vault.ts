/**
 * kill -9 during vault adds and removes (real keychain, real SQLite): a child adds and deletes
 * accounts in a loop and is SIGKILLed at a random moment; the next open must find every add that
 * had resolved, none that was deleted, no keychain entry without its row and no row without its
 * secret. Prints one line of figures; exits 1 on any lost, resurrected, orphaned or broken account.
 * Run it inside scripts/with-session.mjs (npm run audit does).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@shared/clock';
import { openDatabase } from '../electron/core/db/migrations';
import { appMigrations } from '../electron/core/db/app-migrations';
import { KeytarSecretStore } from '../electron/core/secrets/keytar-secret-store';
import { VaultService } from '../electron/core/vault/vault-service';
import { runUntilKilled } from './support/kill-child';

const CYCLES = Number(process.env.AUDIT_KILL9_CYCLES ?? 40);
const service = `Flex HRM Connect audit kill9 ${randomUUID()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'flex-audit-kill9-'));
const store = new KeytarSecretStore(service);

const confirmedAdds = new Set<string>();
const confirmedDeletes = new Set<string>();
/** Deletes that had started: killed in the middle, the account may stay or go (both are fine). */
const startedDeletes = new Set<string>();
const totals = { cycles: 0, adds: 0, deletes: 0, lost: 0, resurrected: 0, orphaned: 0, broken: 0, childFailures: 0 };

async function runChildUntilKilled(): Promise<void> {
  const killed = await runUntilKilled(
    'audit/support/vault-writer.ts',
    [service, dataDir],
    () => 20 + Math.random() * 400,
    (line) => {
      if (line.startsWith('A ')) {
        confirmedAdds.add(line.slice(2));
        totals.adds++;
      } else if (line.startsWith('d ')) {
        startedDeletes.add(line.slice(2));
      } else if (line.startsWith('D ')) {
        confirmedDeletes.add(line.slice(2));
        totals.deletes++;
      }
    },
  );
  if (!killed) totals.childFailures++;
}

async function check(): Promise<void> {
  const db = openDatabase(join(dataDir, 'app.db'), appMigrations);
  try {
    const vault = new VaultService(db, store, systemClock, () => []);
    if ((await vault.open()) !== 'ok') throw new Error(`keychain ${vault.keychainState}`);
    const rows = new Map((await vault.list()).accounts.map((a) => [a.id, a]));
    // Counted at each check, kept as the worst seen (a lost account stays lost).
    const count = (xs: Iterable<unknown>) => [...xs].length;
    totals.lost = Math.max(totals.lost, count([...confirmedAdds].filter((id) => !startedDeletes.has(id) && !rows.has(id))));
    totals.resurrected = Math.max(totals.resurrected, count([...confirmedDeletes].filter((id) => rows.has(id))));
    totals.broken = Math.max(totals.broken, count([...rows.values()].filter((a) => a.code === '')));
    totals.orphaned = Math.max(totals.orphaned, count((await store.list()).filter(({ key }) => !rows.has(key))));
  } finally {
    db.close();
  }
}

try {
  for (let i = 0; i < CYCLES; i++) {
    await runChildUntilKilled();
    await check();
    totals.cycles++;
  }
} finally {
  for (const { key } of await store.list().catch(() => [])) await store.delete(key);
  rmSync(dataDir, { recursive: true, force: true });
}
const bad = totals.lost + totals.resurrected + totals.orphaned + totals.broken + totals.childFailures;
console.log(
  `kill9-vault: ${totals.cycles} kill -9 cycles, ${totals.adds} adds and ${totals.deletes} deletes confirmed; lost ${totals.lost}, resurrected ${totals.resurrected}, orphaned keychain entries ${totals.orphaned}, rows without secret ${totals.broken}, writer failures ${totals.childFailures}`,
);
process.exit(bad === 0 ? 0 : 1);
