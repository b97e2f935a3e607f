import Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '@shared/clock';
import { migrate } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { VaultService } from '../../../electron/core/vault/vault-service';
import { parseAuthenticatorText } from '../../../electron/core/otp/parse-any';
import { encodeMigrationUri } from '../../../electron/core/otp/migration';
import { InlineQrDecoder, QrDecoder, type QrFrameDecoder } from '../../../electron/core/qr/decoder';
import { sourceQrWorkerUrl } from '../../../electron/core/qr/worker-url';
import { CAPTURE_TTL_MS, ScanService } from '../../../electron/core/capture/scan-service';
import { captureErrors, type ScreenFrame, type ScreenSource } from '../../../electron/core/capture/screen-source';
import { makeFrame, type CodePlacement } from '../../../bench/synthetic-frames';
import { toPng } from '../qr/encode-image';

const GITHUB = 'otpauth://totp/GitHub:anna%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const bytes = (seed: number): Uint8Array => Uint8Array.from({ length: 20 }, (_, i) => (i * 31 + seed * 17) & 0xff);
const MIGRATION = encodeMigrationUri([
  { secret: bytes(1), name: 'alice@example.com', issuer: 'GitHub' },
  { secret: bytes(2), name: 'bob@example.com', issuer: 'Google' },
  { secret: bytes(3), name: 'carl@example.com', issuer: 'Slack' },
]);

const place = (text: string, x = 200, y = 150): CodePlacement => ({ text, x, y, moduleSize: 4 });
const screenFrame = (index: number, codes: CodePlacement[]): ScreenFrame => ({ ...makeFrame(1280, 800, codes, index + 1).frame, index });

class FakeScreens implements ScreenSource {
  frames: () => ScreenFrame[] = () => [];
  error: Error | null = null;
  capture(): Promise<ScreenFrame[]> {
    return this.error ? Promise.reject(this.error) : Promise.resolve(this.frames());
  }
}

function setup(decoder: QrFrameDecoder = new InlineQrDecoder()) {
  const db = new Database(':memory:');
  migrate(db, appMigrations);
  const clock = new ManualClock({ now: () => 1_700_000_000_000 });
  const vault = new VaultService(db, new MemorySecretStore(), clock, parseAuthenticatorText);
  const screens = new FakeScreens();
  return { vault, clock, screens, scan: new ScanService(decoder, vault, screens, clock) };
}

describe('ScanService', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(async () => {
    s = setup();
    await s.vault.open();
  });

  it('"Scan screens" reads every display and adds the account', async () => {
    s.screens.frames = () => [screenFrame(0, []), screenFrame(1, [place(GITHUB, 700, 300)])];
    expect(await s.scan.scanScreens()).toEqual({
      accounts: [{ issuer: 'GitHub', label: 'anna@example.com', type: 'totp', status: 'added' }],
    });
    expect((await s.vault.list()).accounts.map((a) => a.issuer)).toEqual(['GitHub']);
  });

  it('reports an account the vault already has as "exists" and adds nothing', async () => {
    s.screens.frames = () => [screenFrame(0, [place(GITHUB)])];
    await s.scan.scanScreens();
    expect((await s.scan.scanScreens()).accounts).toEqual([expect.objectContaining({ issuer: 'GitHub', status: 'exists' })]);
    expect((await s.vault.list()).accounts).toHaveLength(1);
  });

  it('imports all three accounts of a Google Authenticator export from one image', async () => {
    const png = toPng(makeFrame(900, 700, [{ ...place(MIGRATION, 100, 100), moduleSize: 5 }], 3).frame);
    const result = await s.scan.scanImage(png);
    expect(result.accounts.map((a) => [a.issuer, a.label, a.status])).toEqual([
      ['GitHub', 'alice@example.com', 'added'],
      ['Google', 'bob@example.com', 'added'],
      ['Slack', 'carl@example.com', 'added'],
    ]);
    expect(JSON.stringify(result)).not.toMatch(/secret/i);
  });

  it('refuses a QR that is not an authenticator code, and a frame without any QR', async () => {
    s.screens.frames = () => [screenFrame(0, [place('https://example.com/welcome')])];
    await expect(s.scan.scanScreens()).rejects.toMatchObject({ code: 'otp.not-an-authenticator-code' });
    s.screens.frames = () => [screenFrame(0, [])];
    await expect(s.scan.scanScreens()).rejects.toMatchObject({ code: 'qr.no-qr-found' });
    await expect(s.scan.scanImage(new TextEncoder().encode('not an image'))).rejects.toMatchObject({ code: 'qr.unsupported-image' });
    expect((await s.vault.list()).accounts).toHaveLength(0);
  });

  it('passes the capture failures through (permission, unavailable) and refuses without a ScreenSource', async () => {
    s.screens.error = captureErrors.permissionDenied('darwin');
    await expect(s.scan.scanScreens()).rejects.toMatchObject({ code: 'capture.permission-denied' });
    s.screens.error = captureErrors.unavailable('no-backend');
    await expect(s.scan.captureForSelection()).rejects.toMatchObject({ code: 'capture.unavailable' });
    const none = new ScanService(new InlineQrDecoder(), s.vault, null, s.clock);
    expect(none.capturesScreens).toBe(false);
    await expect(none.scanScreens()).rejects.toMatchObject({ code: 'capture.not-supported' });
  });

  it('"Select area" decodes only the chosen region of the kept native frame', async () => {
    const other = 'otpauth://totp/Other:x?secret=KRSXG5CTMVRXEZLU&issuer=Other';
    s.screens.frames = () => [screenFrame(0, [place(GITHUB, 100, 100), place(other, 700, 100)])];
    const capture = await s.scan.captureForSelection();
    expect(capture.screens).toEqual([expect.objectContaining({ index: 0, width: 1280, height: 800 })]);
    const preview = capture.screens[0]!.preview;
    expect(preview.mime).toBe('image/png');
    expect(Buffer.from(preview.base64, 'base64').subarray(1, 4).toString()).toBe('PNG');

    // An empty corner first: no code, and the capture stays for another try.
    await expect(s.scan.scanRegion(capture.captureId, 0, { x: 1100, y: 600, width: 150, height: 150 })).rejects.toMatchObject({
      code: 'qr.no-qr-found',
    });
    const result = await s.scan.scanRegion(capture.captureId, 0, { x: 680, y: 80, width: 420, height: 420 });
    expect(result.accounts.map((a) => a.issuer)).toEqual(['Other']);
    // Used up after an import.
    await expect(s.scan.scanRegion(capture.captureId, 0, { x: 80, y: 80, width: 400, height: 400 })).rejects.toMatchObject({
      code: 'scan.capture-expired',
    });
  });

  it('drops a capture after its time and on discard', async () => {
    s.screens.frames = () => [screenFrame(0, [place(GITHUB)])];
    const a = await s.scan.captureForSelection();
    s.clock.advance(CAPTURE_TTL_MS + 1);
    await expect(s.scan.scanRegion(a.captureId, 0, { x: 0, y: 0, width: 600, height: 600 })).rejects.toMatchObject({
      code: 'scan.capture-expired',
    });
    const b = await s.scan.captureForSelection();
    s.scan.discard(b.captureId);
    await expect(s.scan.scanRegion(b.captureId, 0, { x: 0, y: 0, width: 600, height: 600 })).rejects.toMatchObject({
      code: 'scan.capture-expired',
    });
  });

  it('stops on a keychain failure after the accounts before it', async () => {
    const sink = {
      add: vi
        .fn()
        .mockResolvedValueOnce({})
        .mockRejectedValueOnce(Object.assign(new Error('x'), { code: 'keychain.locked' })),
    };
    const scan = new ScanService(new InlineQrDecoder(), sink, null, s.clock);
    const png = toPng(makeFrame(900, 700, [{ ...place(MIGRATION, 100, 100), moduleSize: 5 }], 3).frame);
    await expect(scan.scanImage(png)).rejects.toThrow('x');
    expect(sink.add).toHaveBeenCalledTimes(2);
  });
});

describe('ScanService with the worker decoder', () => {
  const decoder = new QrDecoder(sourceQrWorkerUrl());
  afterAll(() => decoder.close());

  it('decodes screens off the main thread', async () => {
    const s = setup(decoder);
    await s.vault.open();
    s.screens.frames = () => [screenFrame(0, [place(GITHUB, 500, 200)])];
    expect((await s.scan.scanScreens()).accounts).toEqual([expect.objectContaining({ issuer: 'GitHub', status: 'added' })]);
  });
});
