// @vitest-environment happy-dom
/// <reference lib="dom" />
import { beforeEach, describe, expect, it } from 'vitest';
import { effect } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type { AccountView, VaultListResponse } from '@shared/contract';
import { useVaultStore } from '../../../renderer/src/stores/vault';
import { ok, useFakeApi } from './fake-transport';

const account = (id: string, code: string): AccountView => ({
  id,
  type: 'totp',
  issuer: id,
  label: '',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: null,
  pinned: false,
  position: 0,
  groups: [],
  lastUsedAt: null,
  code,
  nextCode: '000000',
  validUntil: Date.now() + 30_000,
});

/** A refresh at a period boundary with 1,000 accounts must not rebuild the list (see the store). */
describe('vault store refresh', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('updates the codes of the same accounts in place, and replaces the list when it changed', async () => {
    let next: VaultListResponse = { accounts: [account('a', '111111'), account('b', '222222')], keychain: 'ok', generatedAt: Date.now() };
    useFakeApi({ 'vault.listAccounts': () => ok(next) });
    const vault = useVaultStore();
    await vault.load();
    const [a, b] = vault.accounts;
    const listBefore = vault.accounts;

    next = { ...next, accounts: [account('a', '333333'), account('b', '222222')] };
    await vault.load();
    expect(vault.accounts).toBe(listBefore);
    expect(vault.accounts[0]).toBe(a);
    expect(vault.accounts[0]?.code).toBe('333333');
    expect(vault.accounts[1]).toBe(b);

    next = { ...next, accounts: [account('b', '222222'), account('a', '333333')] };
    await vault.load();
    expect(vault.accounts).not.toBe(listBefore);
    expect(vault.accounts.map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('a refresh with the same groups (new arrays from main) triggers nothing that shows them; new groups do', async () => {
    const withGroups = (code: string, groups: string[]) => ({ ...account('a', code), groups });
    let next: VaultListResponse = { accounts: [withGroups('111111', ['Work'])], keychain: 'ok', generatedAt: Date.now() };
    useFakeApi({ 'vault.listAccounts': () => ok(next) });
    const vault = useVaultStore();
    await vault.load();
    let runs = 0;
    effect(() => {
      // Read, so that the effect depends on it.
      const _groups = vault.accounts[0]?.groups;
      runs++;
    });
    expect(runs).toBe(1);
    next = { ...next, accounts: [withGroups('333333', ['Work'])] };
    await vault.load();
    expect(vault.accounts[0]?.code).toBe('333333');
    expect(runs).toBe(1);
    next = { ...next, accounts: [withGroups('333333', ['Work', 'Private'])] };
    await vault.load();
    expect(runs).toBe(2);
    expect(vault.accounts[0]?.groups).toEqual(['Work', 'Private']);
  });
});
