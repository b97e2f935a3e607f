// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { createAppI18n, messages } from '../../../renderer/src/i18n';
import { errorMessage, hasErrorMessage } from '../../../renderer/src/composables/use-error-message';

/** Every leaf of a message tree as "a.b.c" -> text. */
function leaves(node: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) for (const [p, t] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, t);
  } else out.set(path, node);
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const sv = leaves(messages.sv);
const en = leaves(messages.en);

/** The codes main can answer with (vault, keychain, IPC, host): each needs its own message. */
const CODES = [
  'otp.secret-missing', 'otp.secret-invalid-base32', 'otp.secret-too-short', 'otp.secret-too-long', 'otp.unsupported-type',
  'otp.unsupported-algorithm', 'otp.unsupported-digits', 'otp.invalid-period', 'otp.invalid-counter', 'otp.name-missing',
  'otp.invalid-uri', 'otp.not-an-authenticator-code', 'vault.duplicate-account', 'vault.not-found', 'keychain.locked',
  'keychain.unavailable', 'clipboard.write-failed', 'ipc.invalid-payload', 'ipc.unknown-channel', 'host.unauthorized', 'internal',
];

describe('messages', () => {
  it('Swedish and English have exactly the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...sv.keys()].sort());
  });

  it('no text is empty and every leaf is a string', () => {
    for (const [key, text] of [...sv, ...en]) {
      expect(typeof text, key).toBe('string');
      expect(String(text).trim(), key).not.toBe('');
    }
  });

  it('both languages use the same placeholders in each text', () => {
    for (const [key, text] of sv) expect(placeholders(String(en.get(key))), key).toEqual(placeholders(String(text)));
  });

  it('no text has a character vue-i18n would read as syntax (linked message, plural pipe outside plurals)', () => {
    for (const [key, text] of [...sv, ...en]) {
      expect(String(text), key).not.toMatch(/@/);
      if (!/(\.c|C)ount$/.test(key)) expect(String(text), key).not.toMatch(/\|/);
    }
  });
});

describe('error messages', () => {
  for (const locale of ['sv', 'en'] as const) {
    const { t } = createAppI18n(locale).global;
    const generic = (code: string) => t('errors.generic', { code });

    it(`every code main can return has its own ${locale} message`, () => {
      for (const code of CODES) {
        expect(hasErrorMessage(code), code).toBe(true);
        const text = errorMessage(t, { code, params: { minBits: 80, reason: 'syntax', field: 'issuer', issuer: 'GitHub', label: 'anna' } });
        expect(text, code).not.toBe(generic(code));
        expect(text, code).not.toMatch(/\{\w+\}/);
      }
    });

    it(`fills the parameters a message needs (${locale})`, () => {
      expect(errorMessage(t, { code: 'otp.secret-too-short', params: { minBits: 80 } })).toContain('80');
      expect(errorMessage(t, { code: 'otp.unsupported-digits', params: { digits: 7 } })).toContain('7');
      expect(errorMessage(t, { code: 'vault.duplicate-account', params: { issuer: 'GitHub', label: 'anna' } })).toContain('GitHub: anna');
      const uri = errorMessage(t, { code: 'otp.invalid-uri', params: { reason: 'counter-missing' } });
      expect(uri).toContain(t('errors.uriReason.counter-missing'));
      expect(errorMessage(t, { code: 'otp.invalid-uri', params: { reason: 'brand-new' } })).toContain('brand-new');
    });

    it(`an unknown code gets the generic message with the code (${locale})`, () => {
      expect(errorMessage(t, { code: 'qr.something-new' })).toBe(generic('qr.something-new'));
      expect(errorMessage(t, { code: 'qr.something-new' })).toContain('qr.something-new');
      expect(errorMessage(t, { code: 'errors' })).toBe(generic('errors'));
    });

    it(`sign-in codes use the HRM messages (${locale})`, () => {
      expect(errorMessage(t, { code: 'session.wrong-code' })).toBe(t('hrm.errors.wrongCode'));
    });
  }
});
