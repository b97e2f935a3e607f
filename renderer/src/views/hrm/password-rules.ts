import type { PasswordPolicy } from '@shared/contract';

export type RuleId = 'length' | 'digit' | 'upper' | 'lower' | 'special' | 'match';

/** Which of the policy's rules a new password (and its confirmation) meets, in display order. */
export function checkPassword(policy: PasswordPolicy, password: string, confirm: string): { id: RuleId; met: boolean }[] {
  const rules: { id: RuleId; met: boolean }[] = [{ id: 'length', met: Array.from(password).length >= policy.minLength }];
  if (policy.digit) rules.push({ id: 'digit', met: /\p{Nd}/u.test(password) });
  if (policy.upper) rules.push({ id: 'upper', met: /\p{Lu}/u.test(password) });
  if (policy.lower) rules.push({ id: 'lower', met: /\p{Ll}/u.test(password) });
  if (policy.special) rules.push({ id: 'special', met: /[^\p{L}\p{N}\s]/u.test(password) });
  rules.push({ id: 'match', met: password.length > 0 && password === confirm });
  return rules;
}
