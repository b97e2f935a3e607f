import type { AccountView, EditAccountRequest } from '@shared/contract';
import { AppError } from '@shared/result';
import { toAccountSpec } from '../otp/spec';
import type { VaultState } from './vault-state';

/**
 * Changes an account. Issuer and label always; secret, algorithm, digits and period only when
 * the request names them (the renderer asks for a confirmation first). A new secret (the
 * service re-issued it) replaces the old one in the keychain, then the row is updated: if the
 * keychain refuses, nothing changed. Every rule is checked as for a new account.
 */
export async function editAccount(v: VaultState, req: EditAccountRequest): Promise<AccountView> {
  const meta = v.repo.get(req.id);
  if (!meta) throw new AppError('vault.not-found');
  const newSecret = req.secret !== undefined;
  const oldSecret = v.secrets.get(meta.id);
  if (newSecret || oldSecret === undefined) v.requireKeychain();
  const spec = toAccountSpec({
    type: meta.type,
    issuer: req.issuer.trim(),
    label: req.label.trim(),
    secret: req.secret ?? oldSecret ?? '',
    algorithm: req.algorithm ?? meta.algorithm,
    digits: req.digits ?? meta.digits,
    period: req.period ?? meta.period,
    counter: meta.counter,
  });
  if (newSecret && spec.secret !== oldSecret) {
    v.assertNotDuplicate(spec, meta.id);
    await v.storeSecret(meta.id, spec.secret);
    v.secrets.set(meta.id, spec.secret);
  }
  v.repo.edit(meta.id, spec);
  v.forgetCodes(meta.id);
  const after = v.repo.get(meta.id);
  if (!after) throw new AppError('vault.not-found');
  return v.view(after, v.clock.now());
}
