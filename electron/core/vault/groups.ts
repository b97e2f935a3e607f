/** Longest group name, and most groups on one account (the contract allows the same). */
const MAX_GROUP_LENGTH = 40;
const MAX_GROUPS = 20;

/**
 * Group names as stored: trimmed, inner whitespace collapsed, empty ones dropped, and a name
 * repeated in another case kept once (the first spelling wins).
 */
export function normalizeGroups(groups: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of groups) {
    const name = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_GROUP_LENGTH);
    const key = name.toLocaleLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out.slice(0, MAX_GROUPS);
}
