import type { AccountView } from '@shared/contract';
import type { AccountSort } from '../../stores/vault';

/** The group filter's value for "accounts in no group" (not a name anyone can type: names are trimmed). */
export const NO_GROUP = ' none';

export interface ListQuery {
  text: string;
  /** '' = all groups; NO_GROUP; else a group name. */
  group: string;
  sort: AccountSort;
}

const byName = (a: AccountView, b: AccountView): number =>
  (a.issuer || a.label).localeCompare(b.issuer || b.label, undefined, { sensitivity: 'base' }) ||
  a.label.localeCompare(b.label, undefined, { sensitivity: 'base' });
const byRecent = (a: AccountView, b: AccountView): number => (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1);

/**
 * The accounts shown: filtered by the search (service or account name) and the group, then
 * sorted. Pinned accounts stay first in every sort; within a sort, ties keep the user's order.
 * Returns the same array when nothing filters or sorts, so the list is not rebuilt.
 */
export function organise(accounts: AccountView[], q: ListQuery): AccountView[] {
  const text = q.text.trim().toLocaleLowerCase();
  const group = q.group.toLocaleLowerCase();
  let list = accounts;
  if (text || q.group) {
    list = accounts.filter((a) => {
      if (text && !a.issuer.toLocaleLowerCase().includes(text) && !a.label.toLocaleLowerCase().includes(text)) return false;
      if (q.group === NO_GROUP) return a.groups.length === 0;
      return !q.group || a.groups.some((g) => g.toLocaleLowerCase() === group);
    });
  }
  if (q.sort === 'manual') return list;
  const compare = q.sort === 'name' ? byName : byRecent;
  return [...list].sort((a, b) => Number(b.pinned) - Number(a.pinned) || compare(a, b));
}

/** Whether a key press should focus the search: `/` outside a text field, or Ctrl/Cmd+F anywhere. */
export function isSearchShortcut(e: KeyboardEvent): boolean {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') return true;
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return false;
  const el = e.target as HTMLElement | null;
  const tag = el?.tagName;
  return !(tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el?.isContentEditable);
}
