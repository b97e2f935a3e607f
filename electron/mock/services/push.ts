import { randomInt } from 'node:crypto';
import type { PushRequestView } from '@shared/identity-api';
import { AppError } from '@shared/result';
import { PUSH_APP_NAME } from '../config';
import type { MockContext } from '../context';
import type { DeviceRow } from '../http/auth';
import type { RequestOrigin } from '../emails/format';
import { requireAccount } from './accounts';
import { audit } from './audit';
import { randomId } from './crypto';
import { finishTicket, openTicket, ticketFailure, type Ticket } from './mfa';
import { getToken } from './tokens';

/**
 * Push approvals with number matching: the sign-in screen shows a two-digit number; the device
 * gets three choices (one right) and the user must pick or type the shown number. A wrong number
 * denies the request and counts on the ticket's failure counter (it may be an attacker's prompt).
 */
interface PushRow {
  id: string;
  account_id: string;
  ticket_id: string;
  number: string;
  choices: string;
  state: 'pending' | 'approved' | 'denied' | 'expired';
  location: string;
  created_at: number;
  expires_at: number;
  denied_reason: 'wrong-number' | null;
}

function activeDevices(ctx: MockContext, accountId: string): DeviceRow[] {
  return ctx.db.prepare("SELECT * FROM push_devices WHERE account_id = ? AND state = 'active'").all(accountId) as DeviceRow[];
}

function getPush(ctx: MockContext, id: string): PushRow | undefined {
  return ctx.db.prepare('SELECT * FROM push_requests WHERE id = ?').get(id) as PushRow | undefined;
}

function view(ctx: MockContext, p: PushRow): PushRequestView {
  const o = JSON.parse(p.location) as RequestOrigin;
  return {
    id: p.id,
    email: requireAccount(ctx, p.account_id).email,
    app: PUSH_APP_NAME,
    choices: JSON.parse(p.choices) as string[],
    createdAt: p.created_at,
    expiresAt: p.expires_at,
    location: { device: o.device, browser: o.browser, country: o.country, ip: o.ip },
  };
}

function resolve(ctx: MockContext, p: PushRow, state: 'approved' | 'denied' | 'expired', deniedReason: 'wrong-number' | null = null): void {
  ctx.db
    .prepare("UPDATE push_requests SET state = ?, answered_at = ?, denied_reason = ? WHERE id = ? AND state = 'pending'")
    .run(state, ctx.clock.now(), deniedReason, p.id);
  for (const d of activeDevices(ctx, p.account_id)) ctx.events.publish(d.id, 'push-resolved', { id: p.id, state });
}

/** Marks a pending request expired if its time is up; returns the current row. */
function refresh(ctx: MockContext, p: PushRow): PushRow {
  if (p.state === 'pending' && ctx.clock.now() >= p.expires_at) {
    resolve(ctx, p, 'expired');
    return { ...p, state: 'expired' };
  }
  return p;
}

function twoDigits(): string {
  return String(randomInt(10, 100));
}

export function startPush(ctx: MockContext, ticketToken: string): { pushId: string; number: string; expiresAt: number } {
  const t = openTicket(ctx, ticketToken);
  const devices = activeDevices(ctx, t.account.id);
  if (devices.length === 0) throw new AppError('push.no-devices');
  // A new prompt replaces an older one of the same sign-in.
  for (const old of ctx.db.prepare("SELECT * FROM push_requests WHERE ticket_id = ? AND state = 'pending'").all(t.row.id) as PushRow[])
    resolve(ctx, old, 'expired');
  const number = twoDigits();
  const choices = new Set([number]);
  while (choices.size < 3) choices.add(twoDigits());
  const shuffled = [...choices]
    .map((c) => ({ c, k: randomInt(0, 1_000_000) }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.c);
  const id = randomId();
  const at = ctx.clock.now();
  const expiresAt = at + ctx.limits.pushRequestMs;
  ctx.db
    .prepare(
      'INSERT INTO push_requests (id, account_id, ticket_id, number, choices, state, location, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(id, t.account.id, t.row.id, number, JSON.stringify(shuffled), 'pending', JSON.stringify(t.origin), at, expiresAt);
  const row = getPush(ctx, id);
  if (!row) throw new Error('push request vanished');
  const v = view(ctx, row);
  for (const d of devices) ctx.events.publish(d.id, 'push-request', v);
  audit(ctx, 'push.sent', t.account.email, { devices: devices.length });
  return { pushId: id, number, expiresAt };
}

type PushStatus =
  | { state: 'pending'; expiresAt: number }
  | { state: 'denied'; reason: 'declined' | 'wrong-number' }
  | { state: 'expired' }
  | { state: 'approved'; signIn: ReturnType<typeof finishTicket> };

/** The sign-in screen polls this; an approval completes the sign-in exactly once. */
export function pushStatus(ctx: MockContext, input: { ticket: string; pushId: string; rememberDevice?: boolean | undefined }): PushStatus {
  const t: Ticket = openTicket(ctx, input.ticket);
  const found = getPush(ctx, input.pushId);
  if (!found || found.ticket_id !== t.row.id) throw new AppError('push.not-found');
  const p = refresh(ctx, found);
  if (p.state === 'pending') return { state: 'pending', expiresAt: p.expires_at };
  if (p.state === 'approved') return { state: 'approved', signIn: finishTicket(ctx, t, 'push', input.rememberDevice ?? false) };
  // The sign-in screen says "wrong number" too, not just "denied", when number matching failed.
  if (p.state === 'denied') return { state: 'denied', reason: p.denied_reason === 'wrong-number' ? 'wrong-number' : 'declined' };
  return { state: p.state };
}

export function pendingForDevice(ctx: MockContext, device: DeviceRow): PushRequestView[] {
  if (device.state !== 'active') return [];
  const rows = ctx.db
    .prepare("SELECT * FROM push_requests WHERE account_id = ? AND state = 'pending' ORDER BY created_at")
    .all(device.account_id) as PushRow[];
  return rows
    .map((r) => refresh(ctx, r))
    .filter((r) => r.state === 'pending')
    .map((r) => view(ctx, r));
}

export function answerPush(
  ctx: MockContext,
  device: DeviceRow,
  pushId: string,
  decision: 'approve' | 'deny',
  number?: string,
): { state: 'approved' | 'denied' } {
  if (device.state !== 'active') throw new AppError('device.unauthorized');
  const found = getPush(ctx, pushId);
  if (!found || found.account_id !== device.account_id) throw new AppError('push.not-found');
  const p = refresh(ctx, found);
  if (p.state === 'expired') throw new AppError('push.expired');
  if (p.state !== 'pending') throw new AppError('push.already-answered');
  const email = requireAccount(ctx, p.account_id).email;
  if (decision === 'deny') {
    resolve(ctx, p, 'denied');
    audit(ctx, 'push.denied', email, { deviceId: device.id });
    return { state: 'denied' };
  }
  if (number !== p.number) {
    resolve(ctx, p, 'denied', 'wrong-number');
    audit(ctx, 'push.number-mismatch', email, { deviceId: device.id });
    const ticketRow = getToken(ctx, p.ticket_id);
    if (ticketRow && ticketRow.usedAt === null) {
      try {
        ticketFailure(
          ctx,
          {
            row: ticketRow,
            account: requireAccount(ctx, p.account_id),
            method: 'password',
            origin: JSON.parse(p.location) as RequestOrigin,
          },
          'push.number-mismatch',
          'push',
        );
      } catch (e) {
        // The device is told about the mismatch; the ticket's own state speaks to the sign-in screen.
        if (!(e instanceof AppError)) throw e;
      }
    }
    throw new AppError('push.number-mismatch');
  }
  resolve(ctx, p, 'approved');
  ctx.db.prepare("UPDATE factors SET last_used_at = ? WHERE device_id = ? AND kind = 'push'").run(ctx.clock.now(), device.id);
  audit(ctx, 'push.approved', email, { deviceId: device.id });
  return { state: 'approved' };
}
