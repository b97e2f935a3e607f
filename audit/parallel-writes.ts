/**
 * Parallel IPC writes through the dispatcher both transports use, on the real keychain (run inside
 * scripts/with-session.mjs): identical adds at once, distinct adds racing deletes, settings
 * updates racing each other with `undefined` keys (as Electron IPC delivers them), and every
 * mutating vault channel at once on one account, each twice (rename, pin, reorder with a repeated
 * id, HOTP next, delete). Prints figures; exits 1 on a duplicate account, a lost or orphaned one,
 * settings that lost a value, a lost HOTP step or a delete that left something behind.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '@shared/contract';
import { createAppCore } from '../electron/core/app-core';
import { KeytarSecretStore } from '../electron/core/secrets/keytar-secret-store';
import { base32 } from './support/base32';

const info: AppInfo = {
  name: 'audit',
  version: '0',
  platform: process.platform,
  host: 'electron',
  systemLocale: 'en',
  screenCapture: 'none',
};
const IDENTICAL = Number(process.env.AUDIT_PARALLEL_ADDS ?? 50);
const service = `Flex HRM Connect audit parallel ${randomUUID()}`;
const store = new KeytarSecretStore(service);
const dataDir = mkdtempSync(join(tmpdir(), 'flex-audit-parallel-'));
const core = await createAppCore({ dataDir, secretStore: store, info });
let bad = 0;
try {
  // 1. The same account added N times at once.
  const secret = base32(randomBytes(20));
  const same = await Promise.all(
    Array.from({ length: IDENTICAL }, () =>
      core.dispatch('vault.addAccount', { source: 'manual', issuer: 'Audit', label: 'same', secret }),
    ),
  );
  const added = same.filter((r) => r.ok).length;
  const duplicates = same.filter((r) => !r.ok && r.error.code === 'vault.duplicate-account').length;
  if (added !== 1 || duplicates !== IDENTICAL - 1) bad++;
  console.log(
    `parallel-writes identical adds: ${IDENTICAL} at once -> ${added} account, ${duplicates} 'already exists', ${IDENTICAL - added - duplicates} other`,
  );

  // 2. Distinct adds racing deletes of existing accounts.
  const first = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      core.dispatch('vault.addAccount', { source: 'manual', issuer: 'Audit', label: `pre-${i}`, secret: base32(randomBytes(20)) }),
    ),
  );
  const preIds = first.flatMap((r) => (r.ok ? [(r.value as { account: { id: string } }).account.id] : []));
  const mixed = await Promise.all([
    ...Array.from({ length: 30 }, (_, i) =>
      core.dispatch('vault.addAccount', { source: 'manual', issuer: 'Audit', label: `new-${i}`, secret: base32(randomBytes(20)) }),
    ),
    ...preIds.slice(0, 10).map((id) => core.dispatch('vault.deleteAccount', { id })),
  ]);
  const failed = mixed.filter((r) => !r.ok).length;
  const listed = await core.dispatch('vault.listAccounts', {});
  const accounts = listed.ok ? (listed.value as { accounts: Array<{ id: string; code: string }> }).accounts : [];
  const keychainKeys = new Set((await store.list()).map((e) => e.key));
  const expected = 1 + 20 + 30 - 10;
  const orphans = [...keychainKeys].filter((k) => !accounts.some((a) => a.id === k)).length;
  const noSecret = accounts.filter((a) => a.code === '').length;
  if (failed || accounts.length !== expected || orphans || noSecret) bad++;
  console.log(
    `parallel-writes adds racing deletes: 30 adds + 10 deletes at once -> ${accounts.length} accounts (expected ${expected}), ${failed} failed calls, ${orphans} orphaned keychain entries, ${noSecret} rows without secret`,
  );

  // 3. Settings updates at once, half with undefined keys.
  await core.dispatch('settings.updateSettings', { language: 'sv', clearClipboard: false });
  const updates = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      core.dispatch('settings.updateSettings', i % 2 ? { language: undefined } : { clearClipboard: undefined, language: 'sv' }),
    ),
  );
  const after = await core.dispatch('settings.getSettings', {});
  const kept = after.ok && JSON.stringify(after.value) === JSON.stringify({ language: 'sv', clearClipboard: false });
  const refused = updates.filter((r) => !r.ok).length;
  if (!kept || refused) bad++;
  console.log(
    `parallel-writes settings: 100 updates at once (50 with { language: undefined }) -> ${refused} refused, settings kept: ${kept}`,
  );

  // 4. Every mutating vault channel at once on one account, and each twice (a double click).
  const target = await core.dispatch('vault.addAccount', {
    source: 'manual',
    issuer: 'Audit',
    label: 'target',
    secret: base32(randomBytes(20)),
  });
  const targetId = target.ok ? (target.value as { account: { id: string } }).account.id : '';
  const hotp = await core.dispatch('vault.addAccount', {
    source: 'uri',
    uri: `otpauth://hotp/Audit:counter?secret=${base32(randomBytes(20))}&counter=0`,
  });
  const hotpId = hotp.ok ? (hotp.value as { account: { id: string } }).account.id : '';
  const storm = await Promise.all([
    ...Array.from({ length: 10 }, (_, i) => core.dispatch('vault.renameAccount', { id: targetId, issuer: 'Audit', label: `renamed-${i}` })),
    core.dispatch('vault.pinAccount', { id: targetId, pinned: true }),
    core.dispatch('vault.pinAccount', { id: targetId, pinned: true }),
    core.dispatch('vault.reorderAccounts', { ids: [targetId, targetId, hotpId] }),
    ...Array.from({ length: 10 }, () => core.dispatch('vault.advanceHotpCounter', { id: hotpId })),
    core.dispatch('vault.deleteAccount', { id: targetId }),
    core.dispatch('vault.deleteAccount', { id: targetId }),
  ]);
  const stormFailed = storm.filter((r) => !r.ok).map((r) => (r as { error: { code: string } }).error.code);
  const afterStorm = await core.dispatch('vault.listAccounts', {});
  const left = afterStorm.ok ? (afterStorm.value as { accounts: Array<{ id: string; counter: number | null }> }).accounts : [];
  const counter = left.find((a) => a.id === hotpId)?.counter;
  const targetLeft = left.some((a) => a.id === targetId);
  const targetSecretLeft = (await store.list()).some((e) => e.key === targetId);
  const unexpected = stormFailed.filter((c) => c !== 'vault.not-found');
  // The two deletes: one deletes, the other finds nothing; the 10 HOTP steps move the counter by 10.
  if (
    targetLeft ||
    targetSecretLeft ||
    counter !== 10 ||
    unexpected.length ||
    stormFailed.filter((c) => c === 'vault.not-found').length < 1
  )
    bad++;
  console.log(
    `parallel-writes one account, every channel at once: ${storm.length} calls -> deleted ${!targetLeft}, its keychain entry gone ${!targetSecretLeft}, HOTP counter ${counter} after 10 'next', ` +
      `refusals ${JSON.stringify(stormFailed.reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {}))}`,
  );
} finally {
  await core.shutdown();
  core.close();
  for (const { key } of await store.list().catch(() => [])) await store.delete(key);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(bad === 0 ? 0 : 1);
