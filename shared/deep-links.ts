export const DEEP_LINK_SCHEME = 'flexconnect';

/** The only actions an emailed link may start. Anything else is ignored. */
export const DEEP_LINK_ACTIONS = ['reset-password', 'magic-link', 'verify-email'] as const;
export type DeepLinkAction = (typeof DEEP_LINK_ACTIONS)[number];

export interface DeepLink {
  path: DeepLinkAction;
  query: Record<string, string>;
}

/** Parses `flexconnect://<action>?k=v` (or the http form `.../open/<action>?k=v`); null if not ours. */
export function parseDeepLink(raw: string): DeepLink | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  let action: string;
  if (url.protocol === `${DEEP_LINK_SCHEME}:`) action = (url.hostname || url.pathname.replace(/^\/+/, '')).split('/')[0] ?? '';
  else if (url.protocol === 'http:' || url.protocol === 'https:') action = /\/open\/([a-z-]+)$/.exec(url.pathname)?.[1] ?? '';
  else return null;
  if (!(DEEP_LINK_ACTIONS as readonly string[]).includes(action)) return null;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (/^[a-z]{1,20}$/i.test(k) && v.length <= 512) query[k] = v;
  return { path: action as DeepLinkAction, query };
}
