/**
 * The identity server names devices in English ("Local network", "Sweden", "Flex HRM Connect
 * desktop"); the Swedish UI must not. Known words get the catalogue's text, country names the
 * locale's own name (Intl.DisplayNames); anything else (a device's own name) is shown as sent.
 */
type T = (key: string) => string;

const REGIONS = ['SE', 'NO', 'DK', 'FI', 'IS', 'DE', 'NL', 'GB', 'IE', 'FR', 'ES', 'IT', 'PL', 'US', 'CA'];
let englishToRegion: Map<string, string> | null = null;

function regionOf(country: string): string | undefined {
  if (!englishToRegion) {
    const en = new Intl.DisplayNames(['en'], { type: 'region' });
    englishToRegion = new Map(REGIONS.map((code) => [en.of(code) ?? code, code]));
  }
  return englishToRegion.get(country);
}

export function countryText(country: string, locale: string, t: T): string {
  if (country === 'Local network') return t('connectAccount.deviceWords.localNetwork');
  if (country === 'Unknown' || country === '') return t('connectAccount.deviceWords.unknown');
  const code = regionOf(country);
  return code ? (new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? country) : country;
}

export function browserText(browser: string, t: T): string {
  if (browser === 'Unknown' || browser === '') return t('connectAccount.deviceWords.unknown');
  return browser === 'Flex HRM Connect desktop' ? t('connectAccount.deviceWords.desktopApp') : browser;
}

export function deviceText(name: string, t: T): string {
  return name === 'Unknown device' ? t('connectAccount.deviceWords.unknownDevice') : name;
}
