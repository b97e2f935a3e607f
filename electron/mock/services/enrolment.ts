import QRCode from 'qrcode';
import { PUSH_PERMISSIONS, type FactorView, type MfaFactor } from '@shared/identity-api';
import { AppError } from '@shared/result';
import { ISSUER } from '../config';
import { messageLanguage } from '../http/request-context';
import type { MockContext } from '../context';
import type { DeviceRow } from '../http/auth';
import { smsCode } from '../emails/templates';
import { requireAccount, type AccountRow } from './accounts';
import { audit } from './audit';
import {
  emergencyCode,
  group,
  matchesHash,
  normalizeCode,
  randomBase32,
  randomDigits,
  randomId,
  randomReadable,
  randomToken,
  sha256,
} from './crypto';
import { factorView, maskPhone, toE164, type FactorRow } from './factors';
import { nextSendAt, recordSend, sendRetryAfterSeconds } from './limits';
import { deliver, spendOutboxSecret } from './outbox';
import { newTotpSecret, matchTotp, totpFor, TOTP_PARAMS } from './totp';

/**
 * 2FA set-up for a signed-in account. Each enrolment lives 10 minutes with its own attempt
 * counter; a factor becomes active only when confirmed (code typed, consent given, emergency
 * code confirmed stored). A new factor of a kind replaces the old one of that kind (push: one
 * per device).
 */
interface EnrolmentRow {
  id: string;
  account_id: string;
  kind: MfaFactor;
  state: string;
  secret: string | null;
  code_hash: string | null;
  phone: string | null;
  device_id: string | null;
  failures: number;
  expires_at: number;
}

function insertEnrolment(ctx: MockContext, accountId: string, kind: MfaFactor, fields: Partial<EnrolmentRow>): EnrolmentRow {
  const id = randomId();
  const at = ctx.clock.now();
  ctx.db
    .prepare(
      'INSERT INTO enrolments (id, account_id, kind, state, secret, code_hash, phone, device_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      id,
      accountId,
      kind,
      fields.state ?? 'pending',
      fields.secret ?? null,
      fields.code_hash ?? null,
      fields.phone ?? null,
      null,
      at + ctx.limits.enrolmentMs,
      at,
    );
  return ctx.db.prepare('SELECT * FROM enrolments WHERE id = ?').get(id) as EnrolmentRow;
}

/** The account's own open enrolment of a kind; expired or foreign ones are refused. */
function openEnrolment(ctx: MockContext, account: AccountRow, id: string, kind: MfaFactor): EnrolmentRow {
  const e = ctx.db.prepare('SELECT * FROM enrolments WHERE id = ? AND account_id = ? AND kind = ?').get(id, account.id, kind) as
    EnrolmentRow | undefined;
  if (!e || e.state === 'done') throw new AppError('enrolment.invalid');
  if (e.failures >= ctx.limits.enrolmentMaxFailures) throw new AppError('enrolment.too-many-attempts');
  if (ctx.clock.now() >= e.expires_at && e.state !== 'active' && e.state !== 'denied') throw new AppError('enrolment.expired');
  return e;
}

function enrolmentFailure(ctx: MockContext, e: EnrolmentRow): never {
  const failures = e.failures + 1;
  ctx.db.prepare('UPDATE enrolments SET failures = ? WHERE id = ?').run(failures, e.id);
  const left = ctx.limits.enrolmentMaxFailures - failures;
  if (left <= 0) throw new AppError('enrolment.too-many-attempts');
  throw new AppError('enrolment.code-wrong', { attemptsLeft: left });
}

function addFactor(
  ctx: MockContext,
  account: AccountRow,
  kind: MfaFactor,
  label: string,
  fields: Partial<FactorRow>,
  replaceKind = true,
): FactorView {
  const id = randomId();
  ctx.db.transaction(() => {
    if (replaceKind) ctx.db.prepare('DELETE FROM factors WHERE account_id = ? AND kind = ?').run(account.id, kind);
    ctx.db
      .prepare(
        'INSERT INTO factors (id, account_id, kind, label, totp_secret, last_counter, phone, device_id, code_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        account.id,
        kind,
        label,
        fields.totp_secret ?? null,
        fields.last_counter ?? null,
        fields.phone ?? null,
        fields.device_id ?? null,
        fields.code_hash ?? null,
        ctx.clock.now(),
      );
  })();
  audit(ctx, '2fa.factor-added', account.email, { kind });
  return factorView(ctx.db.prepare('SELECT * FROM factors WHERE id = ?').get(id) as FactorRow);
}

// --- (a) Connect Authenticator push ----------------------------------------------------------
export async function startPushEnrolment(ctx: MockContext, account: AccountRow) {
  // 20 base32 characters = 100 bits; single use and 10 minutes, so guessing is hopeless.
  const code = randomBase32(20);
  const e = insertEnrolment(ctx, account.id, 'push', { state: 'waiting-for-device', code_hash: sha256(code) });
  const enrolUri = `flexconnect-push://enrol?server=${encodeURIComponent(ctx.publicUrl)}&code=${code}`;
  return { enrolmentId: e.id, enrolUri, manualKey: group(code), qrDataUrl: await QRCode.toDataURL(enrolUri), expiresAt: e.expires_at };
}

/** The authenticator device presents the enrolment code and gets its credential. */
export function registerDevice(ctx: MockContext, input: { enrolmentCode: string; deviceName: string; platform?: string | undefined }) {
  const code = normalizeCode(input.enrolmentCode);
  const e = ctx.db.prepare("SELECT * FROM enrolments WHERE code_hash = ? AND kind = 'push'").get(sha256(code)) as EnrolmentRow | undefined;
  if (!e || e.state !== 'waiting-for-device') throw new AppError('enrolment.invalid');
  if (ctx.clock.now() >= e.expires_at) throw new AppError('enrolment.expired');
  const account = requireAccount(ctx, e.account_id);
  const deviceId = randomId();
  const credential = randomToken(32);
  const verificationCode = randomReadable(4);
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        "INSERT INTO push_devices (id, account_id, name, platform, credential_hash, verification_code, state, created_at) VALUES (?, ?, ?, ?, ?, ?, 'awaiting-consent', ?)",
      )
      .run(deviceId, account.id, input.deviceName, input.platform ?? null, sha256(credential), verificationCode, ctx.clock.now());
    // Single use: the code's hash is cleared as the device takes it.
    ctx.db.prepare("UPDATE enrolments SET state = 'awaiting-consent', device_id = ?, code_hash = NULL WHERE id = ?").run(deviceId, e.id);
  })();
  audit(ctx, 'push.device-registered', account.email, { deviceId });
  return { deviceId, deviceCredential: credential, verificationCode, accountEmail: account.email, issuer: ISSUER };
}

function device(ctx: MockContext, id: string | null): DeviceRow | undefined {
  return id ? (ctx.db.prepare('SELECT * FROM push_devices WHERE id = ?').get(id) as DeviceRow | undefined) : undefined;
}

const permissions = () => PUSH_PERMISSIONS.map((g) => ({ group: g.group, items: [...g.items] }));

export function pushEnrolmentStatus(ctx: MockContext, account: AccountRow, enrolmentId: string) {
  const e = ctx.db.prepare("SELECT * FROM enrolments WHERE id = ? AND account_id = ? AND kind = 'push'").get(enrolmentId, account.id) as
    EnrolmentRow | undefined;
  if (!e) throw new AppError('enrolment.invalid');
  const d = device(ctx, e.device_id);
  const expired = (e.state === 'waiting-for-device' || e.state === 'awaiting-consent') && ctx.clock.now() >= e.expires_at;
  const state = (expired ? 'expired' : e.state) as 'waiting-for-device' | 'awaiting-consent' | 'active' | 'denied' | 'expired';
  return { state, verificationCode: d?.verification_code ?? null, deviceName: d?.name ?? null, permissions: permissions() };
}

/** The consent screen: the user checks the device shows the same code, then approves or denies. */
export function pushConsent(ctx: MockContext, account: AccountRow, enrolmentId: string, approve: boolean) {
  const e = openEnrolment(ctx, account, enrolmentId, 'push');
  if (e.state === 'waiting-for-device') throw new AppError('enrolment.not-ready');
  if (e.state !== 'awaiting-consent') throw new AppError('enrolment.invalid');
  const d = device(ctx, e.device_id);
  if (!d) throw new AppError('enrolment.invalid');
  const state = approve ? 'active' : 'denied';
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE push_devices SET state = ? WHERE id = ?').run(state, d.id);
    ctx.db.prepare('UPDATE enrolments SET state = ? WHERE id = ?').run(state, e.id);
  })();
  if (approve) addFactor(ctx, account, 'push', d.name, { device_id: d.id }, false);
  else audit(ctx, 'push.consent-denied', account.email, { deviceId: d.id });
  ctx.events.publish(d.id, 'enrolment', { state });
  return pushEnrolmentStatus(ctx, account, enrolmentId);
}

// --- (b) Any TOTP app -------------------------------------------------------------------------
export async function startTotpEnrolment(ctx: MockContext, account: AccountRow) {
  const secret = newTotpSecret();
  const e = insertEnrolment(ctx, account.id, 'totp', { secret });
  const otpauthUri = totpFor(secret, account.email).toString();
  return {
    enrolmentId: e.id,
    otpauthUri,
    manualKey: group(secret),
    qrDataUrl: await QRCode.toDataURL(otpauthUri),
    issuer: ISSUER,
    accountName: account.email,
    digits: TOTP_PARAMS.digits,
    period: TOTP_PARAMS.period,
    algorithm: TOTP_PARAMS.algorithm,
  };
}

export function confirmTotp(ctx: MockContext, account: AccountRow, enrolmentId: string, code: string): FactorView {
  const e = openEnrolment(ctx, account, enrolmentId, 'totp');
  const counter = matchTotp(e.secret ?? '', code, ctx.clock.now());
  if (counter === null) enrolmentFailure(ctx, e);
  ctx.db.prepare("UPDATE enrolments SET state = 'done', secret = NULL WHERE id = ?").run(e.id);
  // The confirming code's time step counts as used: it cannot be replayed at the next sign-in.
  return addFactor(ctx, account, 'totp', 'Authenticator app', { totp_secret: e.secret, last_counter: counter });
}

// --- (c) SMS backup number --------------------------------------------------------------------
export function startSmsEnrolment(ctx: MockContext, account: AccountRow, phone: string, defaultCountryCode?: string) {
  const e164 = toE164(phone, defaultCountryCode);
  if (!e164) throw new AppError('enrolment.phone-invalid');
  const key = `enrol-sms:${account.id}`;
  const retryAfterSeconds = sendRetryAfterSeconds(ctx, key, ctx.limits.sendMinIntervalMs, ctx.limits.sendMaxPerHour);
  if (retryAfterSeconds > 0) throw new AppError('enrolment.rate-limited', { retryAfterSeconds });
  const code = randomDigits(6);
  const e = insertEnrolment(ctx, account.id, 'sms', { phone: e164, code_hash: sha256(`sms:${account.id}:${code}`) });
  recordSend(ctx, key);
  const lang = messageLanguage(account.language);
  deliver(ctx, 'sms', e164, lang, smsCode(lang, code, ctx.limits.smsCodeMs / 60_000), undefined, {
    value: code,
    expiresAt: Math.min(e.expires_at, ctx.clock.now() + ctx.limits.smsCodeMs),
    ref: `sms-enrolment:${account.id}`,
  });
  return {
    enrolmentId: e.id,
    phone: e164,
    maskedPhone: maskPhone(e164),
    expiresAt: Math.min(e.expires_at, ctx.clock.now() + ctx.limits.smsCodeMs),
    resendAvailableAt: nextSendAt(ctx, key, ctx.limits.sendMinIntervalMs, ctx.limits.sendMaxPerHour),
  };
}

export function confirmSms(ctx: MockContext, account: AccountRow, enrolmentId: string, code: string): FactorView {
  const e = openEnrolment(ctx, account, enrolmentId, 'sms');
  if (!e.code_hash || !e.phone || !matchesHash(`sms:${account.id}:${code}`, e.code_hash)) enrolmentFailure(ctx, e);
  ctx.db.prepare("UPDATE enrolments SET state = 'done', code_hash = NULL WHERE id = ?").run(e.id);
  spendOutboxSecret(ctx, `sms-enrolment:${account.id}`);
  return addFactor(ctx, account, 'sms', maskPhone(e.phone), { phone: e.phone });
}

// --- (d) One-time emergency code ---------------------------------------------------------------
export function startEmergency(ctx: MockContext, account: AccountRow) {
  const code = emergencyCode();
  const e = insertEnrolment(ctx, account.id, 'emergency', { code_hash: sha256(normalizeCode(code)) });
  return { enrolmentId: e.id, code };
}

/** Active only once the user ticks "I have safely copied and stored this code". */
export function confirmEmergency(ctx: MockContext, account: AccountRow, enrolmentId: string): FactorView {
  const e = openEnrolment(ctx, account, enrolmentId, 'emergency');
  ctx.db.prepare("UPDATE enrolments SET state = 'done', code_hash = NULL WHERE id = ?").run(e.id);
  return addFactor(ctx, account, 'emergency', 'Emergency code', { code_hash: e.code_hash });
}

export function removeFactor(ctx: MockContext, account: AccountRow, factorId: string): void {
  const f = ctx.db.prepare('SELECT * FROM factors WHERE id = ? AND account_id = ?').get(factorId, account.id) as FactorRow | undefined;
  if (!f) throw new AppError('factor.not-found');
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM factors WHERE id = ?').run(f.id);
    if (f.device_id) ctx.db.prepare("UPDATE push_devices SET state = 'denied' WHERE id = ?").run(f.device_id);
  })();
  audit(ctx, '2fa.factor-removed', account.email, { kind: f.kind });
}

/** The device removes itself (e.g. the account was deleted in the authenticator). */
export function removeDevice(ctx: MockContext, d: DeviceRow): void {
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM factors WHERE device_id = ?').run(d.id);
    ctx.db.prepare("UPDATE push_devices SET state = 'denied' WHERE id = ?").run(d.id);
  })();
  audit(ctx, '2fa.factor-removed', requireAccount(ctx, d.account_id).email, { kind: 'push', by: 'device' });
}
