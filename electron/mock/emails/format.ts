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
const COUNTRY_SV: Record<string, string> = { 'Local network': 'Lokalt nätverk', Unknown: 'Okänt', Sweden: 'Sverige' };
/** The server's own words for a device and browser (origin.ts, this app's client), in Swedish. */
const DEVICE_SV: Record<string, string> = { 'Unknown device': 'Okänd enhet' };
const BROWSER_SV: Record<string, string> = { 'Flex HRM Connect desktop': 'Flex HRM Connect skrivbordsapp', Unknown: 'Okänd' };
/** The "Don't recognise this activity?" block of the first-login guide. */
export function originBlock(lang: Language, o: RequestOrigin): string {
  const sv = lang === 'sv';
  const country = sv ? (COUNTRY_SV[o.country] ?? o.country) : o.country;
  const device = sv ? (DEVICE_SV[o.device] ?? o.device) : o.device;
  const browser = sv ? (BROWSER_SV[o.browser] ?? o.browser) : o.browser;
  const t =
    lang === 'sv'
      ? [
          'Känner du inte igen den här aktiviteten?',
          'Enhet',
          'Webbläsare',
          'Land',
          'IP-adress',
          'Användes senast',
          'Granska dina nyligen använda enheter under dina kontouppgifter. Kontakta support vid behov.',
        ]
      : [
          "Don't recognise this activity?",
          'Device',
          'Browser',
          'Country',
          'IP address',
          'Last used',
          'Review your recently used devices under your account details. Contact support if needed.',
        ];
  return [
    t[0],
    `${t[1]}: ${device}`,
    `${t[2]}: ${browser}`,
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
