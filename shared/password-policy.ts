import { z } from 'zod';

/**
 * A password policy's composition rules: the one definition the identity server (the mock), main
 * and the sign-in form's live feedback all check against, so the form never refuses a password
 * the server accepts (or the other way round). Lengths count Unicode code points.
 */
export const PasswordCompositionSchema = z.object({
  minLength: z.number().int(),
  digit: z.boolean(),
  upper: z.boolean(),
  lower: z.boolean(),
  special: z.boolean(),
});
export type PasswordComposition = z.infer<typeof PasswordCompositionSchema>;

export type CompositionRule = 'min-length' | 'digit' | 'upper' | 'lower' | 'special';

/** Anything that is not a letter or a digit counts as special: punctuation, symbols and spaces alike. */
const SPECIAL = /[^\p{L}\p{N}]/u;

/** Each composition rule of the policy with whether the password meets it, in display order. */
export function compositionRules(policy: PasswordComposition, password: string): Array<{ rule: CompositionRule; met: boolean }> {
  const rules: Array<{ rule: CompositionRule; met: boolean }> = [
    { rule: 'min-length', met: Array.from(password).length >= policy.minLength },
  ];
  if (policy.digit) rules.push({ rule: 'digit', met: /\p{Nd}/u.test(password) });
  if (policy.upper) rules.push({ rule: 'upper', met: /\p{Lu}/u.test(password) });
  if (policy.lower) rules.push({ rule: 'lower', met: /\p{Ll}/u.test(password) });
  if (policy.special) rules.push({ rule: 'special', met: SPECIAL.test(password) });
  return rules;
}
