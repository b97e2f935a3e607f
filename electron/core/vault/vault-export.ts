import { AppError } from '@shared/result';
import { pickOtpFields, type OtpAccountSpec } from '../otp/spec';
import type { AccountMeta } from './account-repository';
import type { VaultState } from './vault-state';

/*
 * The only ways secrets leave the vault, and only to main: never to the renderer.
 */

/**
 * Every account with its secret, in the order the list shows them: for the encrypted backup and
 * the plain export, which run in main.
 */
export function accountsWithSecrets(v: VaultState): Array<AccountMeta & { secret: string }> {
  v.requireKeychain();
  return v.repo.all().map((a) => {
    const secret = v.secrets.get(a.id);
    // A row without its keychain entry cannot be backed up; saying so beats a backup that lacks it.
    if (!secret) throw new AppError('keychain.unavailable');
    return { ...a, secret };
  });
}

/**
 * The accounts as full specs, secrets included, in the order asked: for "transfer out" only,
 * which turns them into a QR picture in main (transfer.ts).
 */
export function transferSpecs(v: VaultState, ids: readonly string[]): OtpAccountSpec[] {
  v.requireKeychain();
  return ids.map((id) => {
    const meta = v.repo.get(id);
    const secret = v.secrets.get(id);
    if (!meta || !secret) throw new AppError('vault.not-found');
    return pickOtpFields({ ...meta, secret });
  });
}
