import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import electronLog from 'electron-log/node';
import { createLogger, redact, redactText } from '../../electron/core/log';
import { installFileLog, LOG_MAX_BYTES, type FileLog } from '../../electron/core/log/file-log';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const TOKEN = 'k3J9xQ2mZ7vB1nR8tY4wE6uI0oP5aS3dF7gH2jK9lM';

describe('redactText', () => {
  it.each([
    [`otpauth://totp/Flex:anna?secret=${SECRET}&issuer=Flex`, SECRET],
    [`otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGGFubmFAZmxleC5leGFtcGxl`, 'CjEKCkhl'],
    [`flexconnect://reset-password?token=${TOKEN}`, TOKEN],
    [`GET /connect/reset?token=abc123&lang=sv`, 'abc123'],
    [`Authorization: Bearer ${TOKEN}`, TOKEN],
    ['{"password":"Sommar2026!","email":"anna@flex.example"}', 'Sommar2026!'],
    ['password=Sommar2026! next', 'Sommar2026!'],
    ['The code is 492 817', '492 817'],
    ['verification code 492817 sent', '492817'],
    ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJl', 'eyJzdWIiOiJhbm5hIn0'],
    [`secret key ${SECRET}`, SECRET],
  ])('scrubs %s', (text, leaked) => {
    expect(redactText(text)).not.toContain(leaked);
  });

  it('keeps what a log line is for: ports, versions, times, error codes', () => {
    const line = 'Mock listening on http://127.0.0.1:43121 (v0.1.0) at 2026-12-07T19:56:03Z: session.wrong-code after 1733600163000 ms';
    expect(redactText(line)).toBe(line);
  });
});

describe('redact (values)', () => {
  it('drops sensitive fields by name at any depth and scrubs strings and errors', () => {
    const err = Object.assign(new Error(`bad secret ${SECRET}`), { code: 'E_X' });
    const out = redact({ user: 'anna', password: 'x', nested: { refreshToken: 'y', list: [{ otp: '123456' }] }, err }) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(out)).not.toMatch(/"x"|"y"|123456/);
    expect(out.user).toBe('anna');
    expect((out.err as Error).message).not.toContain(SECRET);
    expect((out.err as Error & { code: string }).code).toBe('E_X');
  });
  it('survives cycles and binary', () => {
    const a: Record<string, unknown> = { bytes: new Uint8Array(4) };
    a.self = a;
    expect(redact(a)).toEqual({ bytes: '[4 bytes]', self: '[circular]' });
  });
});

describe('installFileLog (electron-log, as in main and the browser host)', () => {
  let dir: string;
  let fileLog: FileLog | undefined;
  afterEach(() => {
    fileLog?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes main, core, mock and renderer lines to one rotated file, with nothing secret in it', () => {
    dir = mkdtempSync(join(tmpdir(), 'flex-log-'));
    fileLog = installFileLog(electronLog, { folder: dir, level: 'debug' });
    createLogger('main').info('starting', { version: '0.1.0' });
    createLogger('core').error('enrol failed', { uri: `otpauth://totp/x?secret=${SECRET}`, code: '654321' }, new Error(`token=${TOKEN}`));
    createLogger('mock').warn(`sent mail with link http://127.0.0.1:1234/reset?token=${TOKEN} and code 118 822`);
    createLogger('renderer').debug('password=hunter22 typed');
    // electron-log used directly (its catcher of uncaught errors does) is scrubbed by the hook.
    electronLog.error(`uncaught: Bearer ${TOKEN}`);
    const text = readFileSync(fileLog.file, 'utf8');
    expect(text).toContain('(main)');
    expect(text).toContain('(core)');
    expect(text).toContain('(mock)');
    expect(text).toContain('(renderer)');
    for (const leaked of [SECRET, TOKEN, '654321', '118 822', 'hunter22']) expect(text).not.toContain(leaked);
    expect(fileLog.recent().length).toBe(3);
    expect(fileLog.recent().join('\n')).not.toContain(TOKEN);
  });

  it('honours the level and rotates the file at 1 MB', () => {
    dir = mkdtempSync(join(tmpdir(), 'flex-log-'));
    // A log left over from earlier runs, just over the limit.
    writeFileSync(join(dir, 'main.log'), 'x'.repeat(LOG_MAX_BYTES + 10));
    fileLog = installFileLog(electronLog, { folder: dir, level: 'warn' });
    createLogger('core').info('not written');
    createLogger('core').warn('after rotation');
    expect(readFileSync(fileLog.file, 'utf8')).not.toContain('not written');
    expect(readFileSync(fileLog.file, 'utf8')).toContain('after rotation');
    expect(existsSync(join(dir, 'main.old.log'))).toBe(true);
    expect(statSync(fileLog.file).size).toBeLessThan(LOG_MAX_BYTES);
  });
});
