export const DEEP_LINK_SCHEME = 'flexconnect';

/** The only actions an emailed link may start. Anything else is ignored. */
export const DEEP_LINK_ACTIONS = ['reset-password', 'magic-link'] as const;
export type DeepLinkAction = (typeof DEEP_LINK_ACTIONS)[number];

export interface DeepLink {
  path: DeepLinkAction;
  query: Record<string, string>;
}

/** More keys than any link of ours carries: the rest of such a link is not read. */
const MAX_KEYS = 8;

/**
 * The action a link names, from the forms the app's emails use and nothing looser:
 * `flexconnect://<action>` (a trailing slash allowed), `flexconnect:<action>`, or the http form
 * `.../open/<action>`. No user, password or port, no further path segments (`/../x` is not a way
 * to another action), else null.
 */
function actionOf(url: URL): string | null {
  if (url.username || url.password || url.port) return null;
  if (url.protocol === `${DEEP_LINK_SCHEME}:`) {
    if (url.hostname) return url.pathname === '' || url.pathname === '/' ? url.hostname : null;
    return /^[a-z-]+$/.test(url.pathname) ? url.pathname : null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return /^\/open\/([a-z-]+)$/.exec(url.pathname)?.[1] ?? null;
  return null;
}

/**
 * Parses `flexconnect://<action>?k=v` (or the http form `.../open/<action>?k=v`); null if not ours.
 * A key given twice makes the link ambiguous (which token did the email show?): refused, not
 * resolved by taking one. Odd keys and over-long values are dropped, at most MAX_KEYS kept.
 */
export function parseDeepLink(raw: string): DeepLink | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const action = actionOf(url);
  if (!action || !(DEEP_LINK_ACTIONS as readonly string[]).includes(action)) return null;
  const keys = [...url.searchParams.keys()];
  if (new Set(keys).size !== keys.length) return null;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) {
    if (Object.keys(query).length >= MAX_KEYS) break;
    if (/^[a-z]{1,20}$/i.test(k) && v.length <= 512) query[k] = v;
  }
  return { path: action as DeepLinkAction, query };
}
