import { randomUUID } from 'node:crypto';
import type { AccountView } from '@shared/contract';
import { AppError } from '@shared/result';
import type { OtpAccountSpec } from '../otp/spec';
import type { AccountMeta } from './account-repository';
import type { VaultState } from './vault-state';

/*
 * The writes that touch both stores, SQLite and the keychain, journalled with intents so that a
 * crash between the two is repaired at the next start. Callers hold the vault's write lock.
 */

/**
 * An add is: intent -> keychain write -> row insert + intent cleared (one transaction).
 * A delete is: intent + row removal (one transaction) -> keychain delete -> intent cleared.
 * Whichever step a crash interrupts, this brings both stores back into agreement, and keychain
 * entries with no row and no intent (orphans from older crashes) are removed.
 */
export async function reconcile(v: VaultState): Promise<void> {
  const { repo, store } = v;
  for (const intent of repo.intents()) {
    if (intent.op === 'add') {
      const secret = await store.get(intent.accountId);
      repo.transaction(() => {
        if (secret && !repo.get(intent.accountId)) repo.insert(intent.meta);
        repo.clearIntent(intent.accountId);
      });
    } else {
      await store.delete(intent.accountId);
      repo.clearIntent(intent.accountId);
    }
  }
  const known = new Set(repo.all().map((a) => a.id));
  for (const { key } of await store.list()) {
    if (!known.has(key)) await store.delete(key);
  }
}

/** Stores a new account's secret under an add intent; the intent goes again if the keychain refuses. */
async function storeNew(v: VaultState, meta: AccountMeta, secret: string, now: number): Promise<void> {
  v.repo.recordIntent({ accountId: meta.id, op: 'add', meta }, now);
  try {
    await v.storeSecret(meta.id, secret);
  } catch (e) {
    v.repo.clearIntent(meta.id);
    throw e;
  }
}

/** Removes an account's keychain entry after its row went; on failure the intent stays for the next open. */
async function removeSecret(v: VaultState, id: string): Promise<void> {
  try {
    await v.store.delete(id);
    v.repo.clearIntent(id);
  } catch (e) {
    v.noteFailure(e);
  }
}

export async function addAccount(v: VaultState, spec: OtpAccountSpec): Promise<AccountView> {
  v.requireKeychain();
  v.assertNotDuplicate(spec);
  const { secret, ...rest } = spec;
  const meta: AccountMeta = {
    ...rest,
    id: randomUUID(),
    pinned: false,
    position: v.repo.nextPosition(),
    createdAt: v.clock.now(),
    groups: [],
    lastUsedAt: null,
  };
  await storeNew(v, meta, secret, v.clock.now());
  v.repo.transaction(() => {
    v.repo.insert(meta);
    v.repo.clearIntent(meta.id);
  });
  v.secrets.set(meta.id, secret);
  return v.view(meta, v.clock.now());
}

/**
 * Replaces an account by a new one in its place (a restore whose file has another key for the
 * same name). The new key is stored first, then one transaction swaps the rows, then the old key
 * goes: a failure before the swap changes nothing, and the intents finish one after it.
 */
export async function replaceAccount(v: VaultState, id: string, spec: OtpAccountSpec): Promise<AccountView> {
  v.requireKeychain();
  const old = v.repo.get(id);
  if (!old) throw new AppError('vault.not-found');
  v.assertNotDuplicate(spec, id);
  const { secret, ...rest } = spec;
  const now = v.clock.now();
  const meta: AccountMeta = {
    ...rest,
    id: randomUUID(),
    pinned: old.pinned,
    position: old.position,
    createdAt: now,
    groups: old.groups,
    lastUsedAt: old.lastUsedAt,
  };
  await storeNew(v, meta, secret, now);
  v.repo.transaction(() => {
    v.repo.recordIntent({ accountId: id, op: 'delete', meta: old }, now);
    v.repo.remove(id);
    v.repo.insert(meta);
    v.repo.clearIntent(meta.id);
  });
  v.secrets.set(meta.id, secret);
  v.forget(id);
  await removeSecret(v, id);
  return v.view(meta, now);
}

export async function deleteAccount(v: VaultState, id: string): Promise<void> {
  v.requireKeychain();
  const meta = v.repo.get(id);
  if (!meta) throw new AppError('vault.not-found');
  v.repo.transaction(() => {
    v.repo.recordIntent({ accountId: id, op: 'delete', meta }, v.clock.now());
    v.repo.remove(id);
  });
  v.forget(id);
  // The row is gone; should the keychain refuse, the intent stays and the next open removes the entry.
  await removeSecret(v, id);
}
