/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '@shared/result';
import { fieldOfError } from '../../../renderer/src/views/authenticator/add-errors';
import { accountName, groupCode } from '../../../renderer/src/format/account-name';

describe('add form errors', () => {
  it('puts each vault error next to the field it is about', () => {
    const manual = (code: AppErrorData['code'], params?: Record<string, string>) =>
      fieldOfError((params ? { code, params } : { code }) as AppErrorData, 'manual');
    expect(manual('otp.secret-invalid-base32')).toBe('secret');
    expect(manual('otp.secret-too-short')).toBe('secret');
    expect(manual('otp.secret-missing')).toBe('secret');
    expect(manual('otp.name-missing')).toBe('issuer');
    expect(manual('otp.unsupported-digits')).toBe('digits');
    expect(manual('otp.unsupported-algorithm')).toBe('algorithm');
    expect(manual('otp.invalid-period')).toBe('period');
    expect(manual('otp.invalid-counter')).toBe('counter');
    expect(manual('field.invalid', { field: 'label', reason: 'too_big' })).toBe('label');
    expect(manual('field.invalid', { field: 'source', reason: 'invalid_union' })).toBeNull();
  });

  it('keeps whole-form errors (duplicate, keychain) for the form', () => {
    expect(fieldOfError({ code: 'vault.duplicate-account' }, 'manual')).toBeNull();
    expect(fieldOfError({ code: 'keychain.locked' }, 'manual')).toBeNull();
    expect(fieldOfError({ code: 'vault.duplicate-account' }, 'uri')).toBeNull();
  });

  it('shows every problem with a link on the link field', () => {
    expect(fieldOfError({ code: 'otp.invalid-uri', params: { reason: 'syntax' } }, 'uri')).toBe('uri');
    expect(fieldOfError({ code: 'otp.unsupported-digits' }, 'uri')).toBe('uri');
    expect(fieldOfError({ code: 'otp.not-an-authenticator-code' }, 'uri')).toBe('uri');
  });
});

describe('account names and codes', () => {
  it('names an account by service and account name, or whichever it has', () => {
    expect(accountName({ issuer: 'GitHub', label: 'anna' })).toBe('GitHub: anna');
    expect(accountName({ issuer: ' ', label: 'anna' })).toBe('anna');
    expect(accountName({ issuer: 'GitHub', label: '' })).toBe('GitHub');
  });

  it('groups codes in halves', () => {
    expect(groupCode('123456')).toBe('123 456');
    expect(groupCode('12345678')).toBe('1234 5678');
    expect(groupCode('1234567')).toBe('123 4567');
    expect(groupCode('')).toBe('');
  });
});
