import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as enDictionary } from '@zxcvbn-ts/language-en';

/**
 * How hard a backup password is to guess (zxcvbn-ts: score 0-4 from dictionaries, keyboard
 * patterns, dates, repeats). The renderer shows it while the password is typed; main refuses a
 * backup password below MIN_BACKUP_SCORE with the same function, so both always agree.
 */
export const MIN_BACKUP_SCORE = 3;
/** zxcvbn's own advice: past 100 characters the estimate only gets slower, not better. */
const CHECKED_LENGTH = 100;

let factory: ZxcvbnFactory | null = null;

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export function passwordScore(password: string, userInputs: string[] = []): StrengthScore {
  factory ??= new ZxcvbnFactory({ dictionary: { ...commonDictionary, ...enDictionary }, graphs: adjacencyGraphs });
  return factory.check(password.slice(0, CHECKED_LENGTH), userInputs).score as StrengthScore;
}

export const strongEnoughForBackup = (password: string): boolean => passwordScore(password) >= MIN_BACKUP_SCORE;
