/**
 * Every key under `prefix` that holds a text (not a group) in a locale's message tree, so a
 * code can be checked for a message of its own before it is translated.
 */
export function messageKeys(tree: unknown, prefix: string): ReadonlySet<string> {
  const keys = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') keys.add(path);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
  };
  walk(tree, prefix);
  return keys;
}
