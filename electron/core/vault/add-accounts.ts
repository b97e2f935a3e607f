import type { ScanAccountOutcome } from '@shared/contract';
import { isAppError } from '@shared/result';
import type { OtpAccountSpec } from '../otp/spec';

/** What adding many accounts needs of the vault: add one, refusing a duplicate by code. */
export interface AccountSink {
  add(spec: OtpAccountSpec): Promise<unknown>;
}

/**
 * Adds each account in order (a QR scan, a migration code, another app's export). A duplicate
 * (already in the vault, or twice in one export) is reported, not fatal; any other failure (a
 * locked keychain) stops and is thrown, after the accounts before it were added.
 */
export async function addAccounts(vault: AccountSink, specs: readonly OtpAccountSpec[]): Promise<ScanAccountOutcome[]> {
  const accounts: ScanAccountOutcome[] = [];
  for (const spec of specs) {
    const outcome = { issuer: spec.issuer, label: spec.label, type: spec.type };
    try {
      await vault.add(spec);
      accounts.push({ ...outcome, status: 'added' });
    } catch (e) {
      if (!isAppError(e) || e.code !== 'vault.duplicate-account') throw e;
      accounts.push({ ...outcome, status: 'exists' });
    }
  }
  return accounts;
}
