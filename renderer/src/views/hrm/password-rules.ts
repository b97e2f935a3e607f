import type { PasswordPolicy } from '@shared/contract';
import { compositionRules, type CompositionRule } from '@shared/password-policy';

export type RuleId = 'length' | Exclude<CompositionRule, 'min-length'> | 'match';

/** Which of the policy's rules a new password (and its confirmation) meets, in display order (shared/password-policy.ts decides). */
export function checkPassword(policy: PasswordPolicy, password: string, confirm: string): { id: RuleId; met: boolean }[] {
  const rules = compositionRules(policy, password).map(({ rule, met }) => ({
    id: rule === 'min-length' ? ('length' as const) : rule,
    met,
  }));
  return [...rules, { id: 'match', met: password.length > 0 && password === confirm }];
}
