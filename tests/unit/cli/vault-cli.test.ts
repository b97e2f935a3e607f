import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { defaultDataDir, runVaultCli } from '../../../electron/cli/vault-cli';
import { ALL, aegisEncrypted, twofasPlain, STEAM } from '../import/fixtures';

const PASSWORD = 'plaid ostrich umbrella 1987';

describe('npm run vault', () => {
  let dir: string;
  let stores: Map<string, MemorySecretStore>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flex-vault-cli-'));
    stores = new Map();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[], stdin = '') {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runVaultCli(
      [...args, '--data-dir', join(dir, 'data'), '--keychain-service', 'test-service'],
      { out: (t) => out.push(t), err: (t) => err.push(t), stdin: async () => stdin },
      {
        openStore: (service) => {
          if (!stores.has(service)) stores.set(service, new MemorySecretStore());
          return stores.get(service)!;
        },
      },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const fileOf = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('imports an encrypted export with --password-stdin and prints {added, skipped, unsupported} with --json', async () => {
    const path = fileOf('aegis.json', aegisEncrypted('pw from stdin'));
    const first = await run(['import', path, '--password-stdin', '--json'], 'pw from stdin\n');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toEqual({ added: ALL.length, replaced: 0, skipped: [], unsupported: [] });
    const again = await run(['import', fileOf('2fas.2fas', twofasPlain()), '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ added: 0, skipped: ALL.map((v) => `${v.issuer}: ${v.label}`) });
    expect(stores.get('test-service')!.entries.size).toBe(ALL.length);
  });

  it('lists accounts with their current code and never a secret', async () => {
    await run(['import', fileOf('2fas.2fas', twofasPlain())]);
    const { code, out } = await run(['list', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(ALL.length);
    expect(rows.find((r) => r.type === 'steam')).toMatchObject({ issuer: 'Steam', label: 'gamer', digits: 5, code: expect.stringMatching(/^[2-9B-DF-HJ-KM-NP-RTV-Y]{5}$/) });
    expect(rows.find((r) => r.type === 'hotp')).toMatchObject({ counter: 3, period: null, code: expect.stringMatching(/^\d{6}$/) });
    expect(Object.keys(rows[0]!).sort()).toEqual(['algorithm', 'code', 'counter', 'digits', 'issuer', 'label', 'period', 'type']);
    for (const v of ALL) expect(out).not.toContain(v.secret);
    const text = await run(['list']);
    expect(text.out.split('\n')).toHaveLength(ALL.length);
  });

  it('exports encrypted and plain; both import into another vault', async () => {
    await run(['import', fileOf('2fas.2fas', twofasPlain())]);
    const enc = join(dir, 'backup.flexbackup');
    expect((await run(['export', enc, '--password-stdin'], `${PASSWORD}\n`)).code).toBe(0);
    expect(readFileSync(enc, 'utf8')).not.toContain(STEAM.secret);
    expect(statSync(enc).mode & 0o777).toBe(0o600);
    const plain = join(dir, 'plain.txt');
    const p = await run(['export', plain, '--plain']);
    expect(p.code).toBe(0);
    expect(p.err).toMatch(/UNENCRYPTED/);
    expect(readFileSync(plain, 'utf8').trim().split('\n')).toHaveLength(ALL.length);

    rmSync(join(dir, 'data'), { recursive: true });
    stores.clear();
    const restored = await run(['import', enc, '--password-stdin', '--json'], PASSWORD);
    expect(JSON.parse(restored.out)).toMatchObject({ added: ALL.length });
  });

  it('fails with one line and a non-zero exit on every error', async () => {
    const cases: Array<[string[], string, number, RegExp]> = [
      [[], '', 2, /no command/],
      [['frobnicate'], '', 2, /unknown command/],
      [['import'], '', 2, /needs a FILE/],
      [['list'], '', 1, /No vault in/],
      [['import', join(dir, 'missing.json')], '', 1, /Cannot read/],
      [['import', fileOf('x.txt', 'hello')], '', 1, /not an export this app can read/],
      [['import', fileOf('a.json', aegisEncrypted('right'))], '', 1, /encrypted\. Enter the password/],
      [['import', fileOf('b.json', aegisEncrypted('right'))], 'wrong', 1, /Wrong password/],
    ];
    for (const [args, stdin, code, message] of cases) {
      const r = await run(stdin ? [...args, '--password-stdin'] : args, stdin);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.err.split('\n')[0], args.join(' ')).toMatch(message);
    }
    await run(['import', fileOf('2fas.2fas', twofasPlain())]);
    const weak = await run(['export', join(dir, 'w'), '--password-stdin'], 'password1');
    expect([weak.code, weak.err]).toEqual([1, expect.stringMatching(/too easy to guess/)]);
    const noPw = await run(['export', join(dir, 'w')]);
    expect(noPw.code).toBe(2);
    stores.get('test-service')!.failWith = 'keychain.locked';
    const locked = await run(['list']);
    expect(locked.code).toBe(1);
    expect(locked.err).not.toMatch(/keychain\.locked/);
  });

  it('defaults to the app\'s own data folder on each platform', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/Flex HRM Connect');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.Flex HRM Connect$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Flex HRM Connect$/);
  });
});
