import { describe, expect, it } from 'vitest';
import type { AppError } from '@shared/result';
import { normalizeServerUrl } from '../../../electron/core/session/server-config';
import { mapServerError } from '../../../electron/core/session/error-map';

describe('custom server address', () => {
  it('accepts https anywhere and http only on this computer', () => {
    expect(normalizeServerUrl('https://connect.example.com')).toBe('https://connect.example.com/');
    expect(normalizeServerUrl(' https://example.com/api/ ')).toBe('https://example.com/api/');
    expect(normalizeServerUrl('http://127.0.0.1:4100')).toBe('http://127.0.0.1:4100/');
    expect(normalizeServerUrl('http://localhost:4100')).toBe('http://localhost:4100/');
  });

  it.each(['http://example.com', 'ftp://example.com', 'not a url', 'https://user:pw@example.com', 'https://example.com/?x=1'])(
    'refuses %s with session.invalid-url',
    (raw) => {
      expect(() => normalizeServerUrl(raw)).toThrow(expect.objectContaining({ code: 'session.invalid-url' }) as AppError);
    },
  );
});

describe('server error codes map to stable client codes', () => {
  it.each([
    ['connect.invalid-credentials', undefined, 'session.invalid-credentials', undefined],
    ['connect.locked', { minutesLeft: 30 }, 'session.locked', { minutes: 30 }],
    ['hrm.locked', { minutesLeft: 12 }, 'session.locked', { minutes: 12 }],
    ['link.used', undefined, 'session.link-used', undefined],
    ['link.expired', undefined, 'session.link-expired', undefined],
    ['mfa.code-wrong', { attemptsLeft: 3 }, 'session.wrong-code', { attemptsLeft: 3 }],
    ['mfa.code-already-used', { attemptsLeft: 2 }, 'session.reused-code', { attemptsLeft: 2 }],
    ['mfa.too-many-attempts', undefined, 'session.too-many-attempts', undefined],
    ['human-check.invalid', undefined, 'session.human-check-expired', undefined],
    ['request.invalid', { field: 'body.email', issue: 'invalid_format' }, 'field.invalid', { field: 'email' }],
    ['push.number-mismatch', { attemptsLeft: 2 }, 'session.push-wrong-number', undefined],
    ['something.new', undefined, 'internal', undefined],
  ])('%s -> %s', (code, params, expected, expectedParams) => {
    const e = mapServerError(params ? { code, params } : { code });
    expect(e.code).toBe(expected);
    expect(e.params).toEqual(expectedParams);
    expect(e.serverCode).toBe(code === 'something.new' ? undefined : code);
  });
});
