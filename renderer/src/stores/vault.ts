import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  AccountView,
  AddAccountRequest,
  ClockCheck,
  EditAccountRequest,
  KeychainState,
  TransferQr,
  VaultListResponse,
} from '@shared/contract';
import type { AppErrorData, Result } from '@shared/result';
import { copyInPage } from '../api/renderer-clipboard';
import { clockOffset as offsetFrom } from '@shared/clock';
import { useApi } from '../api/use-api';

/** Ask for new codes this long after the period ends, so main is surely past the boundary. */
const BOUNDARY_MARGIN_MS = 50;
/** Never poll faster than this, whatever the clocks say (guards against a loop on a bad clock). */
const MIN_REFRESH_MS = 250;
/** After a failed load, try again after this long. */
const RETRY_MS = 5000;

export type Direction = -1 | 1;
export type AccountSort = 'manual' | 'name' | 'recent';
const SORT_KEY = 'flex.authenticator.sort';
const SORTS: readonly AccountSort[] = ['manual', 'name', 'recent'];

function savedSort(): AccountSort {
  try {
    const v = globalThis.localStorage.getItem(SORT_KEY);
    return SORTS.includes(v as AccountSort) ? (v as AccountSort) : 'manual';
  } catch {
    return 'manual';
  }
}

/**
 * The authenticator's accounts as main reports them: metadata and current codes, never secrets.
 * Codes are fetched again at the next period boundary of the soonest-expiring account. Main's
 * clock is what counts (it computes the codes), so the offset between its clock (`generatedAt`)
 * and ours is measured on every load and every countdown uses `mainNow()`.
 */
/**
 * Lists (an account's groups) arrive as new arrays on every load: equal contents are no change,
 * or each period boundary would re-render every card that shows its groups.
 */
const sameList = (x: unknown, y: unknown): boolean =>
  Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]);

const nameKey = (a: Pick<AccountView, 'issuer' | 'label'>): string =>
  `${a.issuer.trim().toLocaleLowerCase()}\u0000${a.label.trim().toLocaleLowerCase()}`;

export const useVaultStore = defineStore('vault', () => {
  const api = useApi();
  const accounts = ref<AccountView[]>([]);
  const keychain = ref<KeychainState>('ok');
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const loadError = ref<AppErrorData | null>(null);
  /** Main's clock minus this renderer's clock, in ms. */
  const clockOffset = ref(0);

  let timer: ReturnType<typeof setTimeout> | null = null;
  let unsubscribe: (() => void) | null = null;
  let loadSeq = 0;

  const mainNow = (): number => Date.now() + clockOffset.value;

  function schedule(delay: number): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void load();
    }, delay);
  }

  function scheduleNextBoundary(): void {
    const ends = accounts.value.map((a) => a.validUntil).filter((v): v is number => v !== null);
    if (ends.length === 0) {
      if (timer) clearTimeout(timer);
      timer = null;
      return;
    }
    schedule(Math.max(MIN_REFRESH_MS, Math.min(...ends) - mainNow() + BOUNDARY_MARGIN_MS));
  }

  /**
   * The same accounts in the same order (every period boundary): change only the fields that
   * differ, in place, so only what shows them updates (the code, the next code, the countdown)
   * and the list itself is not rebuilt. Anything else (added, removed, moved): replace.
   */
  function merge(next: AccountView[]): void {
    const current = accounts.value;
    const same = current.length === next.length && current.every((a, i) => a.id === next[i]?.id);
    if (!same) {
      accounts.value = next;
      return;
    }
    // A plain loop over keys: no [key, value] pair arrays per account (1,000 of them each boundary).
    for (let i = 0; i < next.length; i++) {
      const n = next[i] as Record<string, unknown>;
      const a = current[i] as Record<string, unknown>;
      for (const k in n) {
        const v = n[k];
        if (a[k] !== v && !sameList(a[k], v)) a[k] = v;
      }
    }
  }

  function apply(res: VaultListResponse, sentAt: number, receivedAt: number): void {
    // `generatedAt` lies somewhere in the round trip; the midpoint is the best guess of when.
    clockOffset.value = offsetFrom(res.generatedAt, sentAt, receivedAt);
    merge(res.accounts);
    keychain.value = res.keychain;
    loadError.value = null;
    status.value = 'ready';
    scheduleNextBoundary();
  }

  async function load(): Promise<void> {
    const seq = ++loadSeq;
    if (status.value === 'idle') status.value = 'loading';
    const sentAt = Date.now();
    const res = await api.call('vault.listAccounts');
    if (seq !== loadSeq) return;
    if (res.ok) apply(res.value, sentAt, Date.now());
    else {
      loadError.value = res.error;
      status.value = 'error';
      schedule(RETRY_MS);
    }
  }

  /** Follows main's `vault.changed` events and the code periods until `stop()`. */
  async function start(): Promise<void> {
    if (!unsubscribe) {
      unsubscribe = api.on('vault.changed', () => void load());
    }
    await load();
  }

  function stop(): void {
    unsubscribe?.();
    unsubscribe = null;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  /** An optimistic change's answer: put the list back when main refused it. */
  function orUndo<T>(res: Result<T>, rollback: () => void): Result<T> {
    if (!res.ok) rollback();
    return res;
  }

  const find = (id: string) => accounts.value.find((a) => a.id === id);

  function patch(id: string, changes: Partial<AccountView>): () => void {
    const before = find(id);
    accounts.value = accounts.value.map((a) => (a.id === id ? { ...a, ...changes } : a));
    return () => {
      if (before) accounts.value = accounts.value.map((a) => (a.id === id ? before : a));
    };
  }

  /**
   * The new account shows at once (a new one goes last: main sorts pinned, then position); the
   * `vault.changed` that main sends for it is the one reload, with its codes and order.
   */
  async function add(request: AddAccountRequest): Promise<Result<AccountView>> {
    const res = await api.call('vault.addAccount', request);
    if (!res.ok) return res;
    const account = res.value.account;
    if (!find(account.id)) accounts.value = [...accounts.value, account];
    return { ok: true, value: account };
  }

  async function rename(id: string, issuer: string, label: string): Promise<Result<unknown>> {
    const rollback = patch(id, { issuer: issuer.trim(), label: label.trim() });
    return orUndo(await api.call('vault.renameAccount', { id, issuer, label }), rollback);
  }

  /** Edits an account (names, and after the user confirmed, key and code settings). */
  async function edit(request: EditAccountRequest): Promise<Result<AccountView>> {
    const res = await api.call('vault.editAccount', request);
    if (!res.ok) return res;
    const account = res.value.account;
    accounts.value = accounts.value.map((a) => (a.id === account.id ? account : a));
    return { ok: true, value: account };
  }

  async function setGroups(id: string, groups: string[]): Promise<Result<unknown>> {
    const rollback = patch(id, { groups });
    return orUndo(await api.call('vault.setAccountGroups', { id, groups }), rollback);
  }

  /** The accounts as QR pictures for a phone; only after the user confirmed (`confirmed: true`). */
  async function transferQr(ids: string[]): Promise<Result<TransferQr>> {
    return api.call('vault.showTransferQr', { ids, confirmed: true });
  }

  /** The identity server's clock against ours (`clock.checkSkew`), once per visit of the authenticator. */
  const clockCheck = ref<ClockCheck | null>(null);
  async function checkClock(): Promise<void> {
    const res = await api.call('clock.checkSkew');
    clockCheck.value = res.ok ? res.value : null;
  }

  /** How the list is sorted: the user's own order (drag or Alt+arrows), by name, or recently used. Kept in this browser profile. */
  const sort = ref<AccountSort>(savedSort());
  function setSort(next: AccountSort): void {
    sort.value = next;
    try {
      globalThis.localStorage.setItem(SORT_KEY, next);
    } catch {
      // Private mode or no storage: the choice lasts for this session.
    }
  }

  /** Every group name in use, sorted, for the filter. */
  const groups = computed(() => {
    const all = new Map<string, string>();
    for (const a of accounts.value) for (const g of a.groups) if (!all.has(g.toLocaleLowerCase())) all.set(g.toLocaleLowerCase(), g);
    return [...all.values()].sort((x, y) => x.localeCompare(y));
  });

  /** Names (issuer + label) carried by more than one account: two tenants of one service. */
  const sharedNames = computed(() => {
    const seen = new Map<string, number>();
    for (const a of accounts.value) {
      const k = nameKey(a);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    return new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k));
  });
  const sharesName = (a: Pick<AccountView, 'issuer' | 'label'>): boolean => sharedNames.value.has(nameKey(a));

  /**
   * Moves an account to `to` (an index in the full list) in the user's own order: drag and drop,
   * or Alt+arrows. Stays within its group (pinned or not), as the arrows do.
   */
  async function moveTo(id: string, to: number): Promise<Result<unknown>> {
    const before = accounts.value;
    const from = before.findIndex((a) => a.id === id);
    const moving = before[from];
    const target = before[Math.max(0, Math.min(before.length - 1, to))];
    if (!moving || !target || from === to || target.pinned !== moving.pinned) return { ok: true, value: null };
    const list = [...before];
    list.splice(from, 1);
    list.splice(Math.max(0, Math.min(list.length, to)), 0, moving);
    accounts.value = list;
    return orUndo(await api.call('vault.reorderAccounts', { ids: list.map((a) => a.id) }), () => (accounts.value = before));
  }

  async function setPinned(id: string, pinned: boolean): Promise<Result<unknown>> {
    const before = accounts.value;
    // Pinned accounts come first, as main sorts them (pinned, then position).
    const next = accounts.value.map((a) => (a.id === id ? { ...a, pinned } : a));
    accounts.value = [...next.filter((a) => a.pinned), ...next.filter((a) => !a.pinned)];
    return orUndo(await api.call('vault.pinAccount', { id, pinned }), () => (accounts.value = before));
  }

  /** Position by id, once per list change: every card asks twice per render, so a scan each time was O(n²). */
  const indexById = computed(() => new Map(accounts.value.map((a, i) => [a.id, i])));

  /** The neighbour an account would swap with: only within its own group (pinned or not). */
  function neighbour(id: string, direction: Direction): AccountView | null {
    const list = accounts.value;
    const i = indexById.value.get(id) ?? -1;
    const other = list[i + direction];
    return i >= 0 && other && other.pinned === list[i]?.pinned ? other : null;
  }

  const canMove = (id: string, direction: Direction): boolean => neighbour(id, direction) !== null;

  async function move(id: string, direction: Direction): Promise<Result<unknown>> {
    const other = neighbour(id, direction);
    if (!other) return { ok: true, value: null };
    const before = accounts.value;
    const list = [...before];
    const i = list.findIndex((a) => a.id === id);
    const j = i + direction;
    [list[i], list[j]] = [list[j] as AccountView, list[i] as AccountView];
    accounts.value = list;
    return orUndo(await api.call('vault.reorderAccounts', { ids: list.map((a) => a.id) }), () => (accounts.value = before));
  }

  async function remove(id: string): Promise<Result<unknown>> {
    const before = accounts.value;
    accounts.value = before.filter((a) => a.id !== id);
    return orUndo(await api.call('vault.deleteAccount', { id }), () => (accounts.value = before));
  }

  /**
   * Copies the account's current code. Main writes it where it has the OS clipboard (Electron);
   * otherwise it answers with the code and the page writes it. `clears`: it is cleared in 30 s.
   */
  async function copy(id: string): Promise<Result<{ code: string; clears: boolean }>> {
    const res = await api.call('vault.copyCode', { id });
    if (!res.ok) return res;
    const v = res.value;
    const used = accounts.value.find((a) => a.id === id);
    if (used) used.lastUsedAt = mainNow();
    if (v.by === 'main') return { ok: true, value: { code: v.code, clears: v.clearsAt !== null } };
    try {
      await copyInPage(v.code, v.clearAfterMs);
    } catch {
      return { ok: false, error: { code: 'clipboard.write-failed' } };
    }
    return { ok: true, value: { code: v.code, clears: v.clearAfterMs !== null } };
  }

  /** HOTP: main moves the counter on and saves it; the card shows the new code at once. */
  async function hotpNext(id: string): Promise<Result<AccountView>> {
    const res = await api.call('vault.advanceHotpCounter', { id });
    if (!res.ok) return res;
    const account = res.value.account;
    accounts.value = accounts.value.map((a) => (a.id === id ? account : a));
    return { ok: true, value: account };
  }

  const pinnedCount = computed(() => accounts.value.filter((a) => a.pinned).length);

  return {
    accounts,
    keychain,
    status,
    loadError,
    clockOffset,
    pinnedCount,
    mainNow,
    load,
    start,
    stop,
    add,
    rename,
    edit,
    setGroups,
    transferQr,
    clockCheck,
    checkClock,
    sort,
    setSort,
    groups,
    sharesName,
    moveTo,
    setPinned,
    canMove,
    move,
    remove,
    copy,
    hotpNext,
  };
});
