import type { SignInOutcome } from '@shared/identity-api';
import { AppError } from '@shared/result';
import type { MockContext } from '../context';
import type { RequestOrigin } from '../emails/format';
import { findAccountByEmail, presetForEmail } from './accounts';
import { audit } from './audit';
import { companyForEmail } from './companies';
import { verifyOrDummy } from './dummy-hash';
import { guessFailed, guessSucceeded, reserveGuess } from './limits';
import { lockoutRule } from './password-policy';
import { afterFirstFactor } from './sessions';

/**
 * Email + password. Failures are counted per address (not per account), so unknown addresses
 * lock exactly like known ones and the lockout cannot be used to discover accounts. While locked,
 * the password is not even checked, so guessing during a lock learns nothing; guesses are counted
 * before they are checked (limits.ts `reserveGuess`), so parallel guesses cannot outrun the lock.
 */
export async function passwordSignIn(
  ctx: MockContext,
  input: { email: string; password: string; rememberedDeviceToken?: string | undefined },
  origin: RequestOrigin,
): Promise<SignInOutcome> {
  const company = companyForEmail(ctx, input.email);
  if (company?.identityProvider === 'sso') {
    throw new AppError('connect.use-sso', { providerName: company.ssoProviderName ?? 'SSO' });
  }
  const key = `connect:${input.email}`;
  const account = findAccountByEmail(ctx, input.email);
  const rule = lockoutRule(presetForEmail(ctx, input.email, account));
  const reserved = reserveGuess(ctx, key, rule);
  if (reserved.started) audit(ctx, 'connect.locked', input.email, { minutes: reserved.minutesLeft });
  if (reserved.minutesLeft > 0) {
    audit(ctx, 'connect.sign-in-refused-locked', input.email, { ip: origin.ip });
    throw new AppError('connect.locked', { minutesLeft: reserved.minutesLeft });
  }
  const ok = await verifyOrDummy(ctx.hasher, account?.password_hash, input.password);
  if (!ok || !account) {
    const lock = guessFailed(ctx, key, rule, reserved.reservation);
    audit(ctx, 'connect.sign-in-failed', input.email, { ip: origin.ip });
    if (lock.started) audit(ctx, 'connect.locked', input.email, { minutes: lock.minutesLeft });
    if (lock.minutesLeft > 0) throw new AppError('connect.locked', { minutesLeft: lock.minutesLeft });
    throw new AppError('connect.invalid-credentials');
  }
  const lockedFor = guessSucceeded(ctx, key, reserved.reservation);
  if (lockedFor > 0) {
    audit(ctx, 'connect.sign-in-refused-locked', input.email, { ip: origin.ip });
    throw new AppError('connect.locked', { minutesLeft: lockedFor });
  }
  return afterFirstFactor(ctx, account, origin, 'password', input.rememberedDeviceToken);
}
