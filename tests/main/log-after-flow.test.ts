import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import electronLog from 'electron-log/node';
import { Secret, TOTP } from 'otpauth';
import type { AppInfo, SessionView } from '@shared/contract';
import { createAppCore, type AppCore } from '../../electron/core/app-core';
import { installFileLog, type FileLog } from '../../electron/core/log/file-log';
import { MemorySecretStore } from '../../electron/core/secrets/memory-secret-store';
import { startIdentityMock, type RunningMock } from '../../electron/mock/start';
import { DEMO } from '../e2e/support/demo-accounts';

const info: AppInfo = {
  name: 'Flex HRM Connect',
  version: '0.1.0',
  platform: 'linux',
  host: 'electron',
  systemLocale: 'en',
  screenCapture: 'none',
};
const CONTROL = 'log-flow-control-token';
const PASSWORD = 'Vinter-2026!Flex';
const EXTRA_SECRET = 'KRUGS4ZANFZSAYJAONSWG4TFOQQGW2LMN4';

/**
 * The log after a whole flow, with everything logged at debug (every IPC request, every request to
 * the identity mock): forgot password with an emailed link, sign-in with a password, the 2FA
 * set-up with an authenticator app and its code, the emergency code, adding and copying an
 * authenticator account, a wrong password, sign-out. Then the file is searched for every secret,
 * code, token and password the flow handled.
 */
describe('the app log after a full sign-in and authenticator flow', () => {
  let dir: string;
  // Undefined until beforeAll has set them up (and so in afterAll, if that failed).
  let log: FileLog | undefined;
  let mock: RunningMock | undefined;
  let core: AppCore | undefined;
  const handled = new Set<string>();

  const control = async <T>(method: 'GET' | 'POST', path: string): Promise<T> => {
    const res = await fetch(new URL(path, mock!.url), { method, headers: { 'x-test-control-token': CONTROL } });
    return ((await res.json()) as { value: T }).value;
  };
  const call = async <T = SessionView>(channel: string, payload: unknown = {}): Promise<T> => {
    const res = (await core!.dispatch(channel, payload)) as { ok: boolean; value: T; error?: unknown };
    if (!res.ok) throw new Error(`${channel}: ${JSON.stringify(res.error)}`);
    return res.value;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flex-logflow-'));
    log = installFileLog(electronLog, { folder: join(dir, 'logs'), level: 'debug' });
    mock = await startIdentityMock({ port: 0, dataFile: ':memory:', testControlToken: CONTROL });
    handled.add(mock.mailboxToken);
    core = await createAppCore({
      dataDir: dir,
      secretStore: new MemorySecretStore(),
      info,
      embeddedServerUrl: mock.url,
      embeddedMailboxToken: mock.mailboxToken,
    });
    const email = DEMO.twoFactor.email;

    await call('session.setServer', { kind: 'embedded' });
    await call('recovery.checkHuman');
    await call('recovery.sendLink', { email, kind: 'reset', language: 'en' });
    const outbox = await control<{ messages: { links: { action: string; url: string }[]; codes?: string[] }[] }>(
      'GET',
      `/test/outbox?recipient=${encodeURIComponent(email)}`,
    );
    const link = outbox.messages.flatMap((m) => m.links).find((l) => l.action === 'reset-password')!;
    const token = new URL(link.url).searchParams.get('token')!;
    handled.add(token);
    handled.add(PASSWORD);
    await call('recovery.getResetInfo', { token });
    await call('recovery.completeReset', { token, password: PASSWORD });
    await call('session.discoverAccount', { email, saveEmail: false });
    await expect(call('session.submitPassword', { password: 'Wrong-password-1!' })).rejects.toThrow('invalid-credentials');
    await call('session.submitPassword', { password: PASSWORD });

    await call('setup.beginSetup', { origin: 'sign-in' });
    const qr = (await call('setup.goToStep', { step: 'totp-qr' })).setup!.qr!;
    const secret = qr.manualKey.replace(/\s/g, '');
    handled.add(secret);
    await call('setup.goToStep', { step: 'totp-code' });
    const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
      timestamp: (await control<{ now: number }>('GET', '/test/clock')).now,
    });
    handled.add(code);
    await call('setup.confirmTotp', { code });
    const emergency = (await call('setup.goToStep', { step: 'emergency' })).setup!.emergencyCode!;
    handled.add(emergency);
    await call('setup.finishSetup', { stored: true });

    const uri = `otpauth://totp/Flex:anna@flex.example?secret=${EXTRA_SECRET}&issuer=Flex`;
    handled.add(EXTRA_SECRET);
    handled.add(uri);
    const { account } = await call<{ account: { id: string } }>('vault.addAccount', { source: 'uri', uri });
    const copied = await call<Record<string, unknown>>('vault.copyCode', { id: account.id });
    for (const v of Object.values(copied)) if (typeof v === 'string' && /^\d{6,8}$/.test(v)) handled.add(v);
    await call('session.signOut');
  }, 60_000);

  afterAll(async () => {
    core?.close();
    await mock?.close();
    log?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logged the flow (calls, server requests, the refusal) from core and mock', () => {
    const text = readFileSync(log!.file, 'utf8');
    expect(text).toMatch(/\(core\) IPC session\.submitPassword/);
    expect(text).toMatch(/\(core\) IPC session\.submitPassword refused: session\.invalid-credentials/);
    expect(text).toMatch(/\(mock\) POST \//);
    expect(text).toContain('IPC vault.addAccount');
  });

  it('contains no password, secret, code, emailed token or mailbox token', () => {
    const text = readFileSync(log!.file, 'utf8');
    expect(handled.size).toBeGreaterThanOrEqual(8);
    for (const value of handled) expect(text, `leaked: ${value.slice(0, 6)}…`).not.toContain(value);
    // Nor anything shaped like one.
    expect(text).not.toMatch(/otpauth:\/\/totp\/[^[]/);
    expect(text).not.toMatch(/(?<![\d.:/-])\d{6,8}(?![\d.])/);
    expect(text).not.toMatch(/[A-Z2-7]{16,}/);
  });
});
