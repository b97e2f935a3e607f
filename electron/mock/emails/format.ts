import type { Language } from '@shared/identity-api';

/** Where a request came from, as shown in security emails and recent devices. */
export interface RequestOrigin {
  device: string;
  browser: string;
  country: string;
  ip: string;
  at: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "25 Jun 2025 13:14 UTC", as in the seed's reset email (both languages). */
export function formatUtc(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** The place names the server itself gives (electron/mock/http/origin.ts), in Swedish. */
const COUNTRY_SV: Record<string, string> = { 'Local network': 'Lokalt nätverk', Unknown: 'Okänt' };

/** The "Don't recognise this activity?" block of the first-login guide. */
export function originBlock(lang: Language, o: RequestOrigin): string {
  const country = lang === 'sv' ? (COUNTRY_SV[o.country] ?? o.country) : o.country;
  const t = lang === 'sv'
    ? ['Känner du inte igen den här aktiviteten?', 'Enhet', 'Webbläsare', 'Land', 'IP-adress', 'Användes senast',
      'Granska dina nyligen använda enheter under dina kontouppgifter. Kontakta support vid behov.']
    : ["Don't recognise this activity?", 'Device', 'Browser', 'Country', 'IP address', 'Last used',
      'Review your recently used devices under your account details. Contact support if needed.'];
  return [
    t[0],
    `${t[1]}: ${o.device}`,
    `${t[2]}: ${o.browser}`,
    `${t[3]}: ${country}`,
    `${t[4]}: ${o.ip}`,
    `${t[5]}: ${formatUtc(o.at)}`,
    '',
    t[6],
  ].join('\n');
}

export const signature = (lang: Language): string => (lang === 'sv' ? 'Vänliga hälsningar,\nVisma' : 'Kind regards,\nVisma');

/** "Anna Svensson" -> "Anna" for "Hej Anna". */
export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;
