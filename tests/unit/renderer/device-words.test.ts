import { describe, expect, it } from 'vitest';
import { browserText, countryText, deviceText } from '../../../renderer/src/views/hrm/account/device-words';
import { adminSv } from '../../../renderer/src/i18n/admin/sv';

const words: Record<string, string> = adminSv.connectAccount.deviceWords;
const t = (key: string) => words[key.split('.').pop() ?? ''] ?? key;

/** Issue 14: the server's English device words never reach the Swedish UI as English. */
describe('device words', () => {
  it('says the server English place, browser and device words in Swedish', () => {
    expect(countryText('Local network', 'sv', t)).toBe('Lokalt nätverk');
    expect(countryText('Unknown', 'sv', t)).toBe('Okänt');
    expect(countryText('Sweden', 'sv', t)).toBe('Sverige');
    expect(countryText('Norway', 'sv', t)).toBe('Norge');
    expect(browserText('Flex HRM Connect desktop', t)).toBe('Flex HRM Connect skrivbordsapp');
    expect(deviceText('Unknown device', t)).toBe('Okänd enhet');
  });

  it('leaves a device own name and an unknown country name as sent', () => {
    expect(deviceText('Windows 11 PC', t)).toBe('Windows 11 PC');
    expect(browserText('Edge 142', t)).toBe('Edge 142');
    expect(countryText('Atlantis', 'sv', t)).toBe('Atlantis');
  });
});
