import os from 'node:os';
import Database from 'better-sqlite3';
import { ManualClock } from '@shared/clock';
import { channels } from '@shared/contract';
import { migrate } from '../electron/core/db/migrations';
import { appMigrations } from '../electron/core/db/app-migrations';
import { MemorySecretStore } from '../electron/core/secrets/memory-secret-store';
import { toAccountSpec } from '../electron/core/otp/spec';
import { VaultService } from '../electron/core/vault/vault-service';
import { measureRender, renderBenchAvailable } from './render-measure';

/**
 * `npm run bench:vault`: what one refresh of the authenticator costs in main with 10 and with
 * 1,000 accounts: `vault.list()` (SQLite read + two TOTP codes per account) and the response
 * schema parse the dispatcher adds before it crosses to the renderer. Both sizes are measured
 * in this run, one after the other, so the per-account ratio compares like with like; absolute
 * times move with the machine's load. Also checks that no list call touches the keychain.
 *
 * Then the renderer: the real app in Chromium (through the browser host) showing 10 and then
 * 1,000 accounts for 31 s each (so a period boundary falls inside), with Chrome's own counters:
 * main-thread busy time per second, layouts per second and the cost of one, and the longest task
 * (the boundary, when every code is renewed; long tasks are those over 50 ms, 0 means none).
 * Skipped, with the reason, where there is no Chromium.
 */

const SIZES = [10, 1000] as const;
const RUNS = 41;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function secretFor(i: number): string {
  // 32 base32 characters (160 bits), different per account so no two are duplicates.
  let n = i + 1;
  let s = '';
  for (let k = 0; k < 32; k++) {
    s += BASE32[(n * 7 + k * 13) % 32]!;
    n = Math.floor(n / 3) + k;
  }
  return (
    s.slice(0, 24) +
    String(i)
      .padStart(8, '0')
      .replace(/\d/g, (d) => BASE32[Number(d) + 2]!)
  );
}

async function vaultWith(count: number) {
  const db = new Database(':memory:');
  migrate(db, appMigrations);
  const store = new MemorySecretStore();
  const clock = new ManualClock({ now: () => Date.UTC(2026, 0, 1, 12) });
  const vault = new VaultService(db, store, clock, () => []);
  await vault.open();
  for (let i = 0; i < count; i++) {
    const type = i % 10 === 9 ? 'hotp' : 'totp';
    await vault.add(toAccountSpec({ type, issuer: `Service ${i}`, label: `user${i}@example.com`, secret: secretFor(i), counter: i }));
  }
  return { vault, store, clock };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function main(): Promise<void> {
  console.log(
    `vault.listAccounts benchmark · node ${process.version} · ${os.cpus().length} CPU · load ${os.loadavg()[0]!.toFixed(2)} · median of ${RUNS}`,
  );
  const rows: Array<{ n: number; list: number; samePeriod: number; parse: number }> = [];
  for (const n of SIZES) {
    const { vault, store, clock } = await vaultWith(n);
    const keychainCalls = () => JSON.stringify(store.calls);
    const before = keychainCalls();
    // Each run is a new tick, as the renderer's refresh at each period boundary is.
    const list = await time(async () => {
      clock.advance(30_000);
      await vault.list();
    });
    // Within a period (an edit in another window) every code is remembered: no HMAC at all.
    const samePeriod = await time(() => vault.list());
    const response = await vault.list();
    const parse = await time(() => Promise.resolve(channels['vault.listAccounts'].response.parse(response)));
    if (keychainCalls() !== before) throw new Error(`vault.listAccounts touched the keychain with ${n} accounts`);
    if (response.accounts.length !== n) throw new Error(`expected ${n} accounts, got ${response.accounts.length}`);
    rows.push({ n, list, samePeriod, parse });
    console.log(
      `${String(n).padStart(5)} accounts: vault.listAccounts at a new period ${list.toFixed(2)} ms (${((list / n) * 1000).toFixed(1)} µs/account)` +
        ` · within the period ${samePeriod.toFixed(2)} ms · response parse ${parse.toFixed(2)} ms · keychain calls during lists: 0`,
    );
  }
  const [small, big] = rows as [(typeof rows)[0], (typeof rows)[0]];
  const perAccount = (r: typeof small) => (r.list + r.parse) / r.n;
  const ratio = perAccount(big) / perAccount(small);
  console.log(
    `per-account cost, 1,000 vs 10 (list + parse): ${ratio.toFixed(2)}x ${ratio <= 1.5 ? '(linear or better)' : '(worse than linear: look at it)'}`,
  );
  console.log(`one refresh of 1,000 accounts in main: ${(big.list + big.parse).toFixed(1)} ms, once per 30 s period`);

  const skip = renderBenchAvailable();
  if (skip) {
    console.log(`renderer: skipped (${skip})`);
    return;
  }
  const samples = [];
  for (const n of SIZES) {
    const r = await measureRender(n, secretFor);
    samples.push(r);
    console.log(
      `renderer, ${String(n).padStart(5)} accounts: main thread busy ${r.busyPerSecond.toFixed(0)} ms per second` +
        ` · ${r.layoutsPerSecond.toFixed(1)} layouts/s at ${r.msPerLayout.toFixed(1)} ms each · longest task ${r.longestTaskMs.toFixed(0)} ms`,
    );
  }
  const [r10, r1000] = samples as [(typeof samples)[0], (typeof samples)[0]];
  console.log(
    `renderer, 1,000 vs 10 accounts: busy ${(r1000.busyPerSecond / Math.max(1, r10.busyPerSecond)).toFixed(1)}x,` +
      ` one layout ${(r1000.msPerLayout / Math.max(0.1, r10.msPerLayout)).toFixed(1)}x, for 100x the accounts (a frame is 16.7 ms)`,
  );
}

void main();
