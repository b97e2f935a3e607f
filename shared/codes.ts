import { AppError } from './result';

/**
 * A typed one-time code (authenticator app or SMS) as the server wants it: six digits, with the
 * spaces or dashes people type removed. Anything else is refused here as `field.invalid { code }`,
 * so a slip (letters, five digits) never costs one of the server's few attempts.
 */
export function sixDigitCode(typed: string): string {
  const code = typed.replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(code)) throw new AppError('field.invalid', { field: 'code', reason: 'six-digits' });
  return code;
}
