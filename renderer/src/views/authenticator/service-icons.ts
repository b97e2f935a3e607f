/**
 * Logos of well-known services for the account cards, from Simple Icons (CC0-1.0,
 * https://simpleicons.org; the brands themselves stay their owners' trademarks). Only the icons
 * named here are bundled, and this module is loaded after the first cards show (a chunk of its
 * own), so 1,000 accounts do not wait for it. Any other issuer gets a letter avatar.
 */
import {
  si1password,
  siAtlassian,
  siAuth0,
  siBackblaze,
  siBattledotnet,
  siBinance,
  siBitbucket,
  siBitwarden,
  siBox,
  siCloudflare,
  siCodeberg,
  siCoinbase,
  siDashlane,
  siDigitalocean,
  siDiscord,
  siDocker,
  siDropbox,
  siEa,
  siEbay,
  siEpicgames,
  siEvernote,
  siFacebook,
  siFigma,
  siFirefox,
  siGitea,
  siGithub,
  siGitlab,
  siGoogle,
  siHetzner,
  siHubspot,
  siInstagram,
  siJetbrains,
  siJira,
  siKeeper,
  siKlarna,
  siKucoin,
  siLastpass,
  siMailchimp,
  siMastodon,
  siMega,
  siMozilla,
  siNamecheap,
  siNetlify,
  siNextcloud,
  siNordvpn,
  siNotion,
  siNpm,
  siOkta,
  siOvh,
  siPatreon,
  siPaypal,
  siPinterest,
  siPlaystation,
  siProton,
  siProtonmail,
  siPypi,
  siReddit,
  siRevolut,
  siRobinhood,
  siSentry,
  siShopify,
  siSnapchat,
  siSpotify,
  siSteam,
  siStripe,
  siSynology,
  siTailscale,
  siTiktok,
  siTumblr,
  siTwitch,
  siUbisoft,
  siUbiquiti,
  siVercel,
  siWise,
  siWordpress,
  siX,
  siZoho,
  siZoom,
} from 'simple-icons';

export interface ServiceIcon {
  title: string;
  /** 24x24 SVG path. */
  path: string;
  /** Brand colour, #rrggbb. */
  hex: string;
  /** The colour the glyph is drawn in on the brand colour: black on light brands, white otherwise. */
  ink: string;
}

type SimpleIcon = { title: string; path: string; hex: string };
const ICONS: SimpleIcon[] = [
  si1password,
  siAtlassian,
  siAuth0,
  siBackblaze,
  siBattledotnet,
  siBinance,
  siBitbucket,
  siBitwarden,
  siBox,
  siCloudflare,
  siCodeberg,
  siCoinbase,
  siDashlane,
  siDigitalocean,
  siDiscord,
  siDocker,
  siDropbox,
  siEa,
  siEbay,
  siEpicgames,
  siEvernote,
  siFacebook,
  siFigma,
  siFirefox,
  siGitea,
  siGithub,
  siGitlab,
  siGoogle,
  siHetzner,
  siHubspot,
  siInstagram,
  siJetbrains,
  siJira,
  siKeeper,
  siKlarna,
  siKucoin,
  siLastpass,
  siMailchimp,
  siMastodon,
  siMega,
  siMozilla,
  siNamecheap,
  siNetlify,
  siNextcloud,
  siNordvpn,
  siNotion,
  siNpm,
  siOkta,
  siOvh,
  siPatreon,
  siPaypal,
  siPinterest,
  siPlaystation,
  siProton,
  siProtonmail,
  siPypi,
  siReddit,
  siRevolut,
  siRobinhood,
  siSentry,
  siShopify,
  siSnapchat,
  siSpotify,
  siSteam,
  siStripe,
  siSynology,
  siTailscale,
  siTiktok,
  siTumblr,
  siTwitch,
  siUbisoft,
  siUbiquiti,
  siVercel,
  siWise,
  siWordpress,
  siX,
  siZoho,
  siZoom,
];

/** Names services go by in otpauth links that differ from the icon's title. */
const ALIASES: Record<string, SimpleIcon> = {
  twitter: siX,
  x: siX,
  'battle.net': siBattledotnet,
  blizzard: siBattledotnet,
  'electronic arts': siEa,
  'epic games store': siEpicgames,
  'proton mail': siProtonmail,
  'proton ag': siProton,
  'google account': siGoogle,
  gmail: siGoogle,
  'github.com': siGithub,
  'gitlab.com': siGitlab,
  'steam guard': siSteam,
  psn: siPlaystation,
  'playstation network': siPlaystation,
  'facebook.com': siFacebook,
  ovhcloud: siOvh,
  'digital ocean': siDigitalocean,
  'atlassian cloud': siAtlassian,
  'mozilla firefox': siFirefox,
};

const norm = (s: string): string => s.trim().toLocaleLowerCase();
const squash = (s: string): string => norm(s).replace(/[^a-z0-9]/g, '');

const byName = new Map<string, SimpleIcon>();
for (const icon of ICONS) {
  byName.set(norm(icon.title), icon);
  byName.set(squash(icon.title), icon);
}
for (const [alias, icon] of Object.entries(ALIASES)) byName.set(alias, icon);

/** Relative luminance (WCAG) of #rrggbb: above ~0.4, black reads better than white. */
function inkFor(hex: string): string {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4 ? '#000000' : '#ffffff';
}

const cache = new Map<string, ServiceIcon | null>();

/**
 * The icon of an issuer: by its whole name ("GitHub", "Proton Mail"), squashed ("1Password",
 * "Digital Ocean"), or its first word ("GitHub Enterprise", "Google Workspace"); else null.
 */
export function serviceIcon(issuer: string): ServiceIcon | null {
  const key = norm(issuer);
  if (!key) return null;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  // The first word only when it is long enough not to be a common word ("Box Hill Bank" is not Box).
  const first = norm(key.split(/[\s:/(]/)[0] ?? '');
  const icon = byName.get(key) ?? byName.get(squash(key)) ?? (first.length >= 5 ? byName.get(first) : undefined);
  const found = icon ? { title: icon.title, path: icon.path, hex: `#${icon.hex}`, ink: inkFor(icon.hex) } : null;
  cache.set(key, found);
  return found;
}
