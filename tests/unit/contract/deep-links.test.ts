import { describe, expect, it } from 'vitest';
import { parseDeepLink } from '@shared/deep-links';

/**
 * Hostile deep links (issue 10, own adversarial round). What the OS hands main goes through
 * parseDeepLink before the renderer routes it; only the forms the app's own emails use pass.
 * Found: a link with its token twice (`?token=a&token=b`) opened with the last one (which of them
 * the email showed is not known), and links with a user, a port or further path segments
 * (`flexconnect://reset-password/../../magic-link`) were taken for the action they started with.
 */
describe('parseDeepLink', () => {
  it('accepts the links the app sends', () => {
    expect(parseDeepLink('flexconnect://reset-password?token=abc')).toEqual({ path: 'reset-password', query: { token: 'abc' } });
    expect(parseDeepLink('flexconnect://magic-link?token=abc')).toEqual({ path: 'magic-link', query: { token: 'abc' } });
    // The email check is a code typed in the app, never a link: no such action.
    expect(parseDeepLink('flexconnect://verify-email?code=123456')).toBeNull();
    // What some OSes hand over: a trailing slash, the scheme in capitals, the form without //.
    expect(parseDeepLink('flexconnect://magic-link/?token=abc')).toEqual({ path: 'magic-link', query: { token: 'abc' } });
    expect(parseDeepLink('FLEXCONNECT://magic-link?token=abc')).toEqual({ path: 'magic-link', query: { token: 'abc' } });
    expect(parseDeepLink('flexconnect:magic-link?token=abc')).toEqual({ path: 'magic-link', query: { token: 'abc' } });
  });

  it('refuses a link with its token twice, whichever comes first (was: the last one silently won)', () => {
    expect(parseDeepLink('flexconnect://magic-link?token=a&token=b')).toBeNull();
    expect(parseDeepLink('flexconnect://reset-password?token=b&other=x&token=a')).toBeNull();
  });

  it('refuses links with a user, a port or further path segments (was: taken for their first segment)', () => {
    for (const raw of [
      'flexconnect://reset-password/../../magic-link?token=abc',
      'flexconnect://reset-password/extra?token=abc',
      'flexconnect://user:pass@reset-password?token=abc',
      'flexconnect://reset-password:99?token=abc',
      'flexconnect:////magic-link?token=abc',
      'flexconnect:magic-link/../reset-password?token=abc',
    ]) {
      expect(parseDeepLink(raw), raw).toBeNull();
    }
  });

  it('refuses unknown actions, other schemes and odd hosts', () => {
    for (const raw of [
      'flexconnect://RESET-PASSWORD?token=abc',
      'flexconnect://evil.example/reset-password?token=abc',
      'flexconnect://reset-password%2F..%2Fmagic-link?token=abc',
      'flexconnect://magic-link.?token=abc',
      'javascript:alert(1)//flexconnect://magic-link',
      'file:///open/magic-link?token=abc',
      'not a url',
    ]) {
      expect(parseDeepLink(raw), raw).toBeNull();
    }
  });

  it('drops over-long values and odd keys, and keeps at most a few keys', () => {
    expect(parseDeepLink(`flexconnect://magic-link?token=${'A'.repeat(600)}`)).toEqual({ path: 'magic-link', query: {} });
    const many = parseDeepLink(
      `flexconnect://magic-link?${Array.from({ length: 500 }, (_, i) => `k${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}=v`).join('&')}`,
    );
    expect(many === null || Object.keys(many.query).length <= 8).toBe(true);
    const odd = parseDeepLink('flexconnect://magic-link?__proto__=x&constructor=y&token=t');
    expect(odd?.query.token).toBe('t');
    expect(Object.getPrototypeOf(odd!.query)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
