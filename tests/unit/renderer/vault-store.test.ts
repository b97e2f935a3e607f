// @vitest-environment happy-dom
/// <reference lib="dom" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { AccountView, VaultListResponse } from '@shared/contract';
import { useVaultStore } from '../../../renderer/src/stores/vault';
import { ok, useFakeApi } from './fake-transport';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 10); // 10 s into a 30 s period

function account(id: string, over: Partial<AccountView> = {}): AccountView {
  return {
    id,
    type: 'totp',
    issuer: `Issuer ${id}`,
    label: `user-${id}`,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: null,
    pinned: false,
    position: 0,
    groups: [],
    lastUsedAt: null,
    code: '123456',
    nextCode: '654321',
    validUntil: Date.UTC(2026, 0, 5, 9, 0, 30),
    ...over,
  };
}

const list = (accounts: AccountView[], generatedAt = Date.now()): VaultListResponse => ({ accounts, keychain: 'ok', generatedAt });

describe('vault store', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    setActivePinia(createPinia());
  });
  afterEach(() => {
    useVaultStore().stop();
    vi.useRealTimers();
  });

  it('loads accounts and the keychain state', async () => {
    useFakeApi({ 'vault.listAccounts': () => ok({ ...list([account('a')]), keychain: 'locked' }) });
    const vault = useVaultStore();
    expect(vault.status).toBe('idle');
    await vault.load();
    expect(vault.status).toBe('ready');
    expect(vault.accounts.map((a) => a.id)).toEqual(['a']);
    expect(vault.keychain).toBe('locked');
  });

  it('refreshes at the next period boundary, on main’s clock (5 s ahead here)', async () => {
    const skew = 5000;
    // Main thinks it is T0 + 5 s, so its code is valid until :30 on its clock: 15 s from now on ours.
    const { transport } = useFakeApi({ 'vault.listAccounts': () => ok(list([account('a')], Date.now() + skew)) });
    const vault = useVaultStore();
    await vault.start();
    expect(vault.clockOffset).toBe(skew);
    expect(vault.mainNow()).toBe(T0 + skew);
    expect(transport.callsTo('vault.listAccounts')).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(15_000 - 100);
    expect(transport.callsTo('vault.listAccounts')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(transport.callsTo('vault.listAccounts')).toHaveLength(2);
  });

  it('schedules nothing when there is no TOTP account, and reloads on vault.changed', async () => {
    const hotp = account('h', { type: 'hotp', counter: 3, nextCode: null, validUntil: null });
    const { transport } = useFakeApi({ 'vault.listAccounts': () => ok(list([hotp])) });
    const vault = useVaultStore();
    await vault.start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(transport.callsTo('vault.listAccounts')).toHaveLength(1);

    transport.emit('vault.changed', {});
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.callsTo('vault.listAccounts')).toHaveLength(2);

    vault.stop();
    expect(transport.listenerCount).toBe(0);
  });

  it('never polls faster than a quarter second, even if main’s answer is already past its boundary', async () => {
    const { transport } = useFakeApi({ 'vault.listAccounts': () => ok(list([account('a', { validUntil: Date.now() - 1000 })])) });
    const vault = useVaultStore();
    await vault.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(transport.callsTo('vault.listAccounts').length).toBeLessThanOrEqual(5);
  });

  it('keeps a failed load as an error and tries again later', async () => {
    let fail = true;
    const { transport } = useFakeApi({
      'vault.listAccounts': () => (fail ? { ok: false, error: { code: 'keychain.unavailable' } } : ok(list([account('a')]))),
    });
    const vault = useVaultStore();
    await vault.start();
    expect(vault.status).toBe('error');
    expect(vault.loadError).toEqual({ code: 'keychain.unavailable' });
    fail = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(transport.callsTo('vault.listAccounts')).toHaveLength(2);
    expect(vault.status).toBe('ready');
    expect(vault.loadError).toBeNull();
  });

  it('moves an account within its group and sends the whole order', async () => {
    const accounts = [account('p', { pinned: true }), account('a'), account('b'), account('c')];
    const { transport } = useFakeApi({ 'vault.listAccounts': () => ok(list(accounts)), 'vault.reorderAccounts': () => ok({ done: true }) });
    const vault = useVaultStore();
    await vault.load();

    expect(vault.canMove('a', -1)).toBe(false); // not across the pinned boundary
    expect(vault.canMove('p', 1)).toBe(false);
    expect(vault.canMove('c', 1)).toBe(false);
    expect(vault.canMove('b', -1)).toBe(true);

    const res = await vault.move('b', -1);
    expect(res.ok).toBe(true);
    expect(vault.accounts.map((a) => a.id)).toEqual(['p', 'b', 'a', 'c']);
    expect(transport.callsTo('vault.reorderAccounts')).toEqual([{ ids: ['p', 'b', 'a', 'c'] }]);
  });

  it('puts the order back and returns the error when main refuses a move', async () => {
    useFakeApi({
      'vault.listAccounts': () => ok(list([account('a'), account('b')])),
      'vault.reorderAccounts': () => ({ ok: false, error: { code: 'vault.not-found' } }),
    });
    const vault = useVaultStore();
    await vault.load();
    const res = await vault.move('a', 1);
    expect(res).toEqual({ ok: false, error: { code: 'vault.not-found' } });
    expect(vault.accounts.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('pins to the top at once and sends pin', async () => {
    const { transport } = useFakeApi({
      'vault.listAccounts': () => ok(list([account('a'), account('b')])),
      'vault.pinAccount': () => ok({ done: true }),
    });
    const vault = useVaultStore();
    await vault.load();
    await vault.setPinned('b', true);
    expect(vault.accounts.map((a) => [a.id, a.pinned])).toEqual([
      ['b', true],
      ['a', false],
    ]);
    expect(transport.callsTo('vault.pinAccount')).toEqual([{ id: 'b', pinned: true }]);
    expect(vault.pinnedCount).toBe(1);
  });

  it('renames optimistically and rolls back on failure', async () => {
    useFakeApi({
      'vault.listAccounts': () => ok(list([account('a', { issuer: 'Old', label: 'x' })])),
      'vault.renameAccount': () => ({ ok: false, error: { code: 'otp.name-missing' } }),
    });
    const vault = useVaultStore();
    await vault.load();
    const res = await vault.rename('a', '  ', '');
    expect(res.ok).toBe(false);
    expect(vault.accounts[0]?.issuer).toBe('Old');
  });

  it('deletes and reloads after an add; add failures come back as error data', async () => {
    let accounts = [account('a'), account('b')];
    const { transport } = useFakeApi({
      'vault.listAccounts': () => ok(list(accounts)),
      'vault.deleteAccount': (p) => {
        accounts = accounts.filter((a) => a.id !== (p as { id: string }).id);
        return ok({ done: true });
      },
      'vault.addAccount': (p) => {
        const req = p as { secret?: string };
        if (req.secret === 'bad') return { ok: false, error: { code: 'otp.secret-invalid-base32' } };
        accounts = [...accounts, account('c')];
        return ok({ account: account('c') });
      },
    });
    const vault = useVaultStore();
    await vault.load();
    expect((await vault.remove('a')).ok).toBe(true);
    expect(vault.accounts.map((a) => a.id)).toEqual(['b']);
    expect(transport.callsTo('vault.deleteAccount')).toEqual([{ id: 'a' }]);

    const bad = await vault.add({ source: 'manual', issuer: 'X', label: '', secret: 'bad' });
    expect(bad).toEqual({ ok: false, error: { code: 'otp.secret-invalid-base32' } });
    const good = await vault.add({ source: 'manual', issuer: 'X', label: '', secret: 'JBSWY3DPEHPK3PXP' });
    expect(good.ok && good.value.id).toBe('c');
    expect(vault.accounts.map((a) => a.id)).toEqual(['b', 'c']);
  });

  it("reloads once per change: an add shows the answer at once, and main's vault.changed is the one vault.list (was: the answer and the event each reloaded)", async () => {
    const accounts = [account('a')];
    const { transport } = useFakeApi({
      'vault.listAccounts': () => ok(list(accounts)),
      'vault.addAccount': () => {
        accounts.push(account('c'));
        return ok({ account: account('c') });
      },
    });
    const vault = useVaultStore();
    await vault.start();
    expect(transport.callsTo('vault.listAccounts')).toHaveLength(1);
    const added = await vault.add({ source: 'manual', issuer: 'X', label: '', secret: 'JBSWY3DPEHPK3PXP' });
    expect(added.ok).toBe(true);
    expect(vault.accounts.map((a) => a.id)).toEqual(['a', 'c']);
    expect(transport.callsTo('vault.listAccounts')).toHaveLength(1);
    transport.emit('vault.changed', {});
    await vi.waitFor(() => expect(transport.callsTo('vault.listAccounts')).toHaveLength(2));
    expect(vault.accounts.map((a) => a.id)).toEqual(['a', 'c']);
  });
});
