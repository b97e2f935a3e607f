import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMigrationUri } from '../../../electron/core/otp/migration';
import { InlineQrDecoder } from '../../../electron/core/qr/decoder';
import { accountsFromPayloads, scanFramesForAccounts } from '../../../electron/core/qr/scan-accounts';
import { makeFrame } from '../../../bench/synthetic-frames';
import { errorOf } from '../otp/error-of';
import { toJpeg, toPng } from './encode-image';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'electron/core/qr/scan-cli.ts');
const TOTP = 'otpauth://totp/ACME%20Co:john%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60';
const HOTP_EXPORT = encodeMigrationUri([
  { secret: Uint8Array.from({ length: 10 }, (_, i) => i + 1), name: 'bob', issuer: 'Bank', type: 1, counter: 7 },
]);

interface Run {
  code: number;
  json: Record<string, unknown>;
  stderr: string;
}

/** `npm run scan -- <file>` without npm: the same tsx entry the package script runs. */
function scan(file: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, file], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, json: JSON.parse(stdout) as Record<string, unknown>, stderr });
    });
  });
}

let dir = '';
const image = (name: string, bytes: Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const withCodes = (...texts: string[]) =>
  makeFrame(
    1280,
    720,
    texts.map((text, i) => ({ text, x: 60 + i * 600, y: 120, moduleSize: 3 })),
    40 + texts.length,
  ).frame;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scan-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run scan', () => {
  it('prints every account of every code with the documented fields, and the right exit codes', async () => {
    const [ok, jpeg, notAuth, invalid, none, missing, garbage] = await Promise.all([
      scan(image('two-codes.png', toPng(withCodes(TOTP, HOTP_EXPORT)))),
      scan(image('one-code.jpg', toJpeg(withCodes(TOTP), 90))),
      scan(image('link.png', toPng(withCodes('https://example.com/welcome')))),
      scan(image('bad-secret.png', toPng(withCodes('otpauth://totp/ACME:john?secret=NOT-BASE32-!!&issuer=ACME')))),
      scan(image('nothing.png', toPng(makeFrame(640, 480, [], 3).frame))),
      scan(join(dir, 'does-not-exist.png')),
      scan(image('garbage.png', new TextEncoder().encode('definitely not a png'))),
    ]);

    expect(ok.code).toBe(0);
    expect(ok.json).toEqual({
      accounts: [
        {
          type: 'totp',
          issuer: 'ACME Co',
          account: 'john@example.com',
          secret: 'JBSWY3DPEHPK3PXP',
          algorithm: 'SHA256',
          digits: 8,
          period: 60,
        },
        { type: 'hotp', issuer: 'Bank', account: 'bob', secret: 'AEBAGBAFAYDQQCIK', algorithm: 'SHA1', digits: 6, period: 30, counter: 7 },
      ],
    });
    expect(jpeg).toMatchObject({ code: 0, json: { accounts: [{ issuer: 'ACME Co', secret: 'JBSWY3DPEHPK3PXP' }] } });

    expect(notAuth).toMatchObject({ code: 1, json: { error: 'not-an-authenticator-code' } });
    expect(invalid).toMatchObject({ code: 1, json: { error: 'invalid-otpauth' } });
    expect(invalid.stderr).toContain('otp.secret-invalid-base32');
    expect(none).toMatchObject({ code: 1, json: { error: 'no-qr-found' } });

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does-not-exist.png');
    expect(missing.stderr).toContain('no such file');
    expect(garbage).toMatchObject({ code: 2, json: { error: 'unsupported-image' } });
    // Seven tsx processes at once: on two shared cores that alone can take tens of seconds.
  }, 90_000);
});

describe('accountsFromPayloads (the path the CLI and the app share)', () => {
  it('uses the authenticator codes of a frame and ignores other codes beside them', () => {
    expect(accountsFromPayloads(['https://example.com', TOTP]).accounts).toHaveLength(1);
  });

  it('reports the most useful error', () => {
    expect(errorOf(() => accountsFromPayloads([]))).toEqual({ code: 'qr.no-qr-found' });
    expect(errorOf(() => accountsFromPayloads(['WIFI:S:x;;', 'https://a.b']))).toEqual({ code: 'otp.not-an-authenticator-code' });
    expect(errorOf(() => accountsFromPayloads(['https://a.b', 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP']))).toEqual({
      code: 'otp.invalid-uri',
      params: { reason: 'counter-missing' },
    });
  });
});

describe('scanFramesForAccounts', () => {
  it('merges the codes of every display, once each', async () => {
    const screens = [withCodes(TOTP), withCodes(TOTP, HOTP_EXPORT)];
    const { accounts, payloads } = await scanFramesForAccounts(new InlineQrDecoder(), screens);
    expect(accounts.map((a) => a.issuer)).toEqual(['ACME Co', 'Bank']);
    expect(payloads.map((p) => p.kind)).toEqual(['otpauth', 'migration']);
    await expect(scanFramesForAccounts(new InlineQrDecoder(), [makeFrame(320, 240, [], 1).frame])).rejects.toMatchObject({
      code: 'qr.no-qr-found',
    });
  });
});
