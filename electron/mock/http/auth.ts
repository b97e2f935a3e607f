import type { FastifyRequest } from 'fastify';
import { TokenSchema } from '@shared/identity-api';
import { AppError } from '@shared/result';
import type { MockContext } from '../context';
import { getAccount, type AccountRow } from '../services/accounts';
import { matchesHash } from '../services/crypto';
import { getHrmUser, type HrmUserRow } from '../services/hrm-users';
import { findValidToken } from '../services/tokens';

export interface HrmAuth {
  sessionId: string;
  user: HrmUserRow;
}
export interface ConnectAuth {
  sessionId: string;
  account: AccountRow;
}
export interface DeviceRow {
  id: string;
  account_id: string;
  name: string;
  platform: string | null;
  credential_hash: string;
  verification_code: string;
  state: 'awaiting-consent' | 'active' | 'denied';
  created_at: number;
}

/** `Authorization: Bearer <token>`; anything else is `auth.required`. */
export function bearer(req: FastifyRequest): string {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer ([^\s]+)$/.exec(h) : null;
  const parsed = TokenSchema.safeParse(m?.[1]);
  if (!parsed.success) throw new AppError('auth.required');
  return parsed.data;
}

export function hrmAuth(ctx: MockContext, req: FastifyRequest, admin: boolean): HrmAuth {
  const t = findValidToken(ctx, 'hrm-session', bearer(req));
  const user = t ? getHrmUser(ctx, t.subject) : undefined;
  if (!t || !user) throw new AppError('auth.invalid-session');
  if (admin && user.role !== 'admin') throw new AppError('auth.forbidden');
  return { sessionId: t.id, user };
}

export function connectAuth(ctx: MockContext, req: FastifyRequest): ConnectAuth {
  const t = findValidToken(ctx, 'connect-session', bearer(req));
  const account = t ? getAccount(ctx, t.subject) : undefined;
  if (!t || !account) throw new AppError('auth.invalid-session');
  return { sessionId: t.id, account };
}

/** The device credential is compared in constant time against its stored SHA-256. */
export function deviceAuth(ctx: MockContext, req: FastifyRequest, deviceId: string): DeviceRow {
  let credential: string;
  try {
    credential = bearer(req);
  } catch {
    throw new AppError('device.unauthorized');
  }
  const row = ctx.db.prepare('SELECT * FROM push_devices WHERE id = ?').get(deviceId) as DeviceRow | undefined;
  if (!row || !matchesHash(credential, row.credential_hash) || row.state === 'denied') throw new AppError('device.unauthorized');
  return row;
}

/**
 * The demo mailbox lists every link and code the mock sent: only the app that started the mock
 * (it holds the token) may read it. Anyone else, with or without a token, gets the 404 of a
 * server that has no such route.
 */
export function mailboxAuth(ctx: MockContext, req: FastifyRequest): undefined {
  let presented: string | undefined;
  try {
    presented = bearer(req);
  } catch {
    presented = undefined;
  }
  if (!ctx.mailboxTokenHash || !presented || !matchesHash(presented, ctx.mailboxTokenHash)) throw new AppError('not-found');
  return undefined;
}
