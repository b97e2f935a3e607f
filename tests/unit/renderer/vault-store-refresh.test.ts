// @vitest-environment happy-dom
/// <reference lib="dom" />
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { effect } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type { AccountView, VaultListResponse } from '@shared/contract';
import { useVaultStore } from '../../../renderer/src/stores/vault';
import { ok, useFakeApi } from './fake-transport';
import { accountView } from '../support/account-view';

const account = (id: string, code: string): AccountView =>
  accountView({ id, issuer: id, label: '', code, nextCode: '000000', validUntil: Date.now() + 30_000 });

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

/** Issue 16: a tick costs the cards on screen, whatever the vault's size. */
describe('vault store: codes of the cards on screen (vault.listCodes)', () => {
  beforeEach(() => setActivePinia(createPinia()));

  const many = (n: number, validUntil: number) =>
    Array.from({ length: n }, (_, i) => ({ ...account(`id${i}`, String(100000 + i)), validUntil }));

  it('at a period boundary fetches only the codes on screen, writes them in place and leaves the rest alone; never the whole list', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 5, 9, 0, 10) });
    try {
      const end = Date.UTC(2026, 0, 5, 9, 0, 30);
      const accounts = many(1000, end);
      const { transport } = useFakeApi({
        'vault.listAccounts': () => ok({ accounts, keychain: 'ok', generatedAt: Date.now() }),
        'vault.listCodes': (p) => {
          const ids = (p as { ids: string[] }).ids;
          return ok({
            codes: Object.fromEntries(ids.map((id) => [id, { code: `new-${id}`, nextCode: 'next', validUntil: end + 30_000 }])),
            generatedAt: Date.now(),
          });
        },
      });
      const vault = useVaultStore();
      await vault.start();
      const list = vault.accounts;
      vault.showing('id3', true);
      vault.showing('id4', true);
      vault.showing('id5', true);
      vault.showing('id5', false);
      await vi.advanceTimersByTimeAsync(20_000 + 100);
      expect(transport.callsTo('vault.listCodes')).toEqual([{ ids: ['id3', 'id4'] }]);
      expect(transport.callsTo('vault.listAccounts')).toHaveLength(1);
      expect(vault.accounts).toBe(list);
      expect(vault.accounts[3]).toMatchObject({ code: 'new-id3', nextCode: 'next', validUntil: end + 30_000 });
      expect(vault.accounts[5]).toMatchObject({ code: '100005', validUntil: end });
      // The next boundary is that of the codes just fetched: 30 s on, the same two again.
      await vi.advanceTimersByTimeAsync(30_000);
      expect(transport.callsTo('vault.listCodes')).toEqual([{ ids: ['id3', 'id4'] }, { ids: ['id3', 'id4'] }]);
      vault.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a card that comes on screen after its code ended gets its codes at once, several in one call', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 5, 9, 0, 10) });
    try {
      const ended = Date.UTC(2026, 0, 5, 9, 0, 0);
      const { transport } = useFakeApi({
        'vault.listAccounts': () => ok({ accounts: many(50, ended), keychain: 'ok', generatedAt: Date.now() }),
        'vault.listCodes': (p) => {
          const ids = (p as { ids: string[] }).ids;
          return ok({
            codes: Object.fromEntries(ids.map((id) => [id, { code: 'fresh', nextCode: 'n', validUntil: ended + 30_000 }])),
            generatedAt: Date.now(),
          });
        },
      });
      const vault = useVaultStore();
      await vault.start();
      vault.showing('id40', true);
      vault.showing('id41', true);
      expect(transport.callsTo('vault.listCodes')).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(0);
      expect(transport.callsTo('vault.listCodes')).toEqual([{ ids: ['id40', 'id41'] }]);
      expect(vault.accounts[40]?.code).toBe('fresh');
      expect(vault.accounts[0]?.code).toBe('100000');
      vault.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a refused code fetch (the app locked meanwhile) falls back to the full load, which shows the error', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 5, 9, 0, 10) });
    try {
      let locked = false;
      const { transport } = useFakeApi({
        'vault.listAccounts': () =>
          locked
            ? { ok: false, error: { code: 'lock.locked' } }
            : ok({ accounts: many(3, Date.UTC(2026, 0, 5, 9, 0, 30)), keychain: 'ok', generatedAt: Date.now() }),
        'vault.listCodes': () => ({ ok: false, error: { code: 'lock.locked' } }),
      });
      const vault = useVaultStore();
      await vault.start();
      vault.showing('id0', true);
      locked = true;
      await vi.advanceTimersByTimeAsync(20_100);
      expect(transport.callsTo('vault.listCodes')).toHaveLength(1);
      // The error's check loads the catalogue first (an import, not a timer).
      await vi.waitFor(() => expect(vault.loadError).toEqual({ code: 'lock.locked' }));
      expect(transport.callsTo('vault.listAccounts')).toHaveLength(2);
      vault.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('vault store: list-wide names and groups', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('follow a rename or new groups written in place, and not a new code', async () => {
    const a = (code: string, over: Partial<AccountView> = {}) => ({ ...account('a', code), label: 'anna', ...over });
    const b = { ...account('b', '222222'), issuer: 'x', label: 'y' };
    let next: VaultListResponse = { accounts: [a('111111'), b], keychain: 'ok', generatedAt: Date.now() };
    useFakeApi({ 'vault.listAccounts': () => ok(next) });
    const vault = useVaultStore();
    await vault.load();
    let runs = 0;
    effect(() => {
      runs++;
      return [vault.groups, vault.sharesName(b)];
    });
    expect(vault.sharesName(b)).toBe(false);
    next = { ...next, accounts: [a('333333'), b] };
    await vault.load();
    expect(runs).toBe(1);
    // Renamed in main to b's name: the same ids, so written in place.
    next = { ...next, accounts: [a('333333', { issuer: 'x', label: 'y' }), b] };
    await vault.load();
    expect(vault.sharesName(b)).toBe(true);
    next = { ...next, accounts: [a('333333', { issuer: 'x', label: 'y', groups: ['Work'] }), b] };
    await vault.load();
    expect(vault.groups).toEqual(['Work']);
    expect(runs).toBeGreaterThan(1);
  });
});
