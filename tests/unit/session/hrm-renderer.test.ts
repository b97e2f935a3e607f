import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../../renderer/src/views/hrm/password-rules';
import { checkPassword as serverCheck, PASSWORD_POLICIES } from '../../../electron/mock/services/password-policy';

const policy = { minLength: 8, digit: true, upper: true, lower: true, special: true };
const met = (pw: string, confirm = '') =>
  checkPassword(policy, pw, confirm)
    .filter((r) => r.met)
    .map((r) => r.id);

describe('password policy feedback', () => {
  it('marks each rule as the user types', () => {
    expect(met('abc')).toEqual(['lower']);
    expect(met('Abc1')).toEqual(['digit', 'upper', 'lower']);
    expect(met('Sommar-2026!', 'Sommar-2026!')).toEqual(['length', 'digit', 'upper', 'lower', 'special', 'match']);
    expect(met('Sommar-2026!', 'Sommar-2026')).not.toContain('match');
  });

  it('shows only the rules the preset has (NIST: length only)', () => {
    const nist = { minLength: 15, digit: false, upper: false, lower: false, special: false };
    expect(checkPassword(nist, 'x', 'x').map((r) => r.id)).toEqual(['length', 'match']);
  });

  it('agrees with the server on every rule: a space counts as a special character on both sides', () => {
    for (const pw of ['Sommar 2026', 'Sommar2026', 'sommar 2026', 'SOMMAR 2026', 'Sommar  ', 'Ab1 ', 'Åsa-Öberg 7', 'Tänk på 9']) {
      const form = checkPassword(PASSWORD_POLICIES.connect, pw, pw).filter((r) => r.id !== 'match');
      const failedOnForm = form.filter((r) => !r.met).map((r) => (r.id === 'length' ? 'min-length' : r.id));
      expect(failedOnForm, pw).toEqual(serverCheck(pw, 'connect'));
    }
  });
});
