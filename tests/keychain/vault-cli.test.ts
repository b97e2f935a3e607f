import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-secret-store';

/**
 * `npm run vault` as a real process against the real Secret Service (scripts/with-session.mjs),
 * under a keychain service name of its own: import, list, encrypted export, a failure's exit code.
 */
const root = resolve(import.meta.dirname, '../..');
const service = `Flex HRM Connect cli test ${randomUUID()}`;
const dir = mkdtempSync(join(tmpdir(), 'flex-vault-cli-'));
const data = join(dir, 'data');

function vault(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/vault-main.ts', ...args, '--data-dir', data, '--keychain-service', service],
      { cwd: root, timeout: 60_000 },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe('npm run vault against the OS keychain', () => {
  afterAll(async () => {
    const store = new KeytarSecretStore(service);
    for (const { key } of await store.list()) await store.delete(key);
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports, lists with codes (no secrets), exports encrypted, and fails with one line', async () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const file = join(dir, 'in.txt');
    writeFileSync(file, `otpauth://hotp/Bank:anna?secret=${secret}&counter=1\notpauth://totp/Steam:gamer?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\n`);
    const imported = await vault(['import', file, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ added: 2, replaced: 0, skipped: [], unsupported: [] });

    const listed = await vault(['list', '--json']);
    expect(listed.code).toBe(0);
    // RFC 4226 Appendix D: counter 1 of this key is 287082.
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ issuer: 'Bank', type: 'hotp', counter: 1, code: '287082' }),
      expect.objectContaining({ issuer: 'Steam', type: 'steam', digits: 5, code: expect.stringMatching(/^[2-9BCDFGHJKMNPQRTVWXY]{5}$/) }),
    ]);
    expect(listed.stdout).not.toContain(secret);

    const exported = await vault(['export', join(dir, 'b.flexbackup'), '--password-stdin'], 'plaid ostrich umbrella 1987\n');
    expect(exported.code).toBe(0);

    const failed = await vault(['import', join(dir, 'missing.txt')]);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
  });
});
