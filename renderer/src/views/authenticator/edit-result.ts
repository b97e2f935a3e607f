import type { OtpAlgorithm } from '@shared/contract';

/** What the edit form in an account's card hands back on Save. */
export interface EditResult {
  issuer: string;
  label: string;
  groups: string[];
  /** Present only when the user confirmed the advanced part: what changed there. */
  advanced?: { secret?: string; algorithm?: OtpAlgorithm; digits?: number; period?: number };
}
