import { describe, expect, it } from 'vitest';
import { sixDigitCode } from '@shared/codes';

// Defect (issue 14): letters and short codes went to the server and used up one of the five attempts.
describe('a typed app or SMS code', () => {
  it('is six digits, with the spaces and dashes people type removed', () => {
    expect(sixDigitCode(' 123 456 ')).toBe('123456');
    expect(sixDigitCode('123-456')).toBe('123456');
  });

  it('anything else is refused before it reaches the server, as field.invalid for the code', () => {
    for (const typed of ['12ab56', '12345', '1234567', '', '１２３４５６']) {
      expect(() => sixDigitCode(typed)).toThrow(
        expect.objectContaining({ code: 'field.invalid', params: { field: 'code', reason: 'six-digits' } }),
      );
    }
  });
});
