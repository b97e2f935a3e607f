import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@shared/clock';
import { migrate } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { toAccountSpec } from '../../../electron/core/otp/spec';
import { VaultService } from '../../../electron/core/vault/vault-service';
import { BackupService } from '../../../electron/core/backup/backup-service';
import { ARGON2_PARAMS, openBackup } from '../../../electron/core/backup/format';
import { readExport } from '../../../electron/core/import';

const PASSWORD = 'plaid ostrich umbrella 1987';
const S1 = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const S2 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const S3 = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';

function setup() {
  const db = new Database(':memory:');
  migrate(db, appMigrations);
  const store = new MemorySecretStore();
  const keys = new MemorySecretStore();
  const clock = new ManualClock({ now: () => 1_700_000_000_000 });
  const vault = new VaultService(db, store, clock, () => []);
  let changes = 0;
  const backup = new BackupService({
    vault,
    settings: new SettingsStore(db),
    keyStore: keys,
    clock,
    appName: 'Flex HRM Connect test',
    onVaultChanged: () => changes++,
  });
  return { db, vault, backup, clock, store, keys, changes: () => changes };
}

async function fill(vault: VaultService) {
  const a = await vault.add(toAccountSpec({ issuer: 'GitHub', label: 'anna', secret: S1 }));
  const b = await vault.add(
    toAccountSpec({ type: 'hotp', issuer: 'Bank', label: 'anna', secret: S2, counter: 41, digits: 8, algorithm: 'SHA256' }),
  );
  vault.setPinned(b.id, true);
  vault.setGroups(a.id, ['Work', 'Code']);
  return { a, b };
}

const enc = (s: string) => new TextEncoder().encode(s);
async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'resolved',
    (e: unknown) => (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : String(e)),
  );
}

describe('encrypted backup: format', () => {
  it('is JSON with a version, Argon2id (OWASP parameters) and AES-256-GCM, and no secret in the clear', async () => {
    const s = setup();
    await s.vault.open();
    await fill(s.vault);
    const { text, fileName } = await s.backup.exportEncrypted(PASSWORD);
    expect(fileName).toMatch(/^flex-hrm-connect-\d{8}T\d{9}Z\.flexbackup$/);
    const file: unknown = JSON.parse(text);
    expect(file).toMatchObject({
      format: 'flex-connect-backup',
      version: 1,
      cipher: 'aes-256-gcm',
      slot: { kdf: { name: 'argon2id', ...ARGON2_PARAMS } },
    });
    expect(ARGON2_PARAMS).toEqual({ memoryKiB: 19_456, iterations: 2, parallelism: 1 });
    expect(text).not.toContain(S1);
    expect(text).not.toContain('GitHub');
    const opened = await openBackup(text, PASSWORD);
    expect(opened.accounts).toEqual([
      expect.objectContaining({
        type: 'hotp',
        issuer: 'Bank',
        secret: S2,
        counter: 41,
        digits: 8,
        algorithm: 'SHA256',
        pinned: true,
        groups: [],
      }),
      expect.objectContaining({ type: 'totp', issuer: 'GitHub', secret: S1, pinned: false, groups: ['Work', 'Code'] }),
    ]);
    expect(opened.groups).toEqual([{ name: 'Work' }, { name: 'Code' }]);
  });

  it('refuses a weak password', async () => {
    const s = setup();
    await s.vault.open();
    expect(await codeOf(s.backup.exportEncrypted('password1'))).toBe('backup.password-weak');
  });

  it('tells a wrong password, a cut-off file, a changed file and a newer version apart', async () => {
    const s = setup();
    await s.vault.open();
    await fill(s.vault);
    const { text } = await s.backup.exportEncrypted(PASSWORD);
    expect(await codeOf(openBackup(text, 'wrong password here'))).toBe('backup.wrong-password');
    expect(await codeOf(readExport(enc(text.slice(0, text.length / 2)), PASSWORD))).toBe('backup.truncated');
    const file = JSON.parse(text) as Record<string, unknown> & { data: string };
    const data = Buffer.from(file.data, 'base64');
    data[5] = (data[5] ?? 0) ^ 1;
    expect(await codeOf(openBackup(JSON.stringify({ ...file, data: data.toString('base64') }), PASSWORD))).toBe('backup.tampered');
    // The header is authenticated too: a changed parameter is a changed file, not a quiet change.
    expect(await codeOf(openBackup(JSON.stringify({ ...file, nonce: Buffer.alloc(12, 1).toString('base64') }), PASSWORD))).toBe(
      'backup.tampered',
    );
    expect(await codeOf(openBackup(JSON.stringify({ ...file, version: 2 }), PASSWORD))).toBe('backup.newer-version');
    expect(await codeOf(readExport(enc(text)))).toBe('import.password-required');
  });
});

describe('restore with a preview', () => {
  it('round-trips every field (HOTP counter, pins, order, groups) into an empty vault', async () => {
    const from = setup();
    await from.vault.open();
    await fill(from.vault);
    const { text } = await from.backup.exportEncrypted(PASSWORD);

    const to = setup();
    await to.vault.open();
    const preview = await to.backup.preview(enc(text), PASSWORD);
    expect(preview.format).toBe('flex-backup');
    expect(preview.items.map((i) => [i.name, i.action])).toEqual([
      ['Bank: anna', 'add'],
      ['GitHub: anna', 'add'],
    ]);
    expect(JSON.stringify(preview)).not.toContain(S1);
    const out = await to.backup.apply(preview.previewId);
    expect(out).toEqual({ added: 2, replaced: 0, skipped: [], unsupported: [] });
    const strip = (l: Awaited<ReturnType<VaultService['snapshot']>>) => l.map(({ id: _i, createdAt: _c, position: _p, ...rest }) => rest);
    expect(strip(await to.vault.snapshot())).toEqual(strip(await from.vault.snapshot()));
    expect(to.changes()).toBe(1);
  });

  it('shows and does added, skipped (already there) and replaced, and changes nothing on a wrong password', async () => {
    const from = setup();
    await from.vault.open();
    await fill(from.vault);
    await from.vault.add(toAccountSpec({ issuer: 'Mail', label: 'anna', secret: S3 }));
    const { text } = await from.backup.exportEncrypted(PASSWORD);

    const to = setup();
    await to.vault.open();
    await to.vault.add(toAccountSpec({ issuer: 'GitHub', label: 'anna', secret: S1 }));
    const old = await to.vault.add(toAccountSpec({ issuer: 'Mail', label: 'anna', secret: 'ORSXG5BAMJQWG23VOAQGC3TE' }));
    await to.vault.add(toAccountSpec({ issuer: 'Other', label: 'x', secret: 'NBSWY3DPFQQHO33SNRSCC2LT' }));

    expect(await codeOf(to.backup.preview(enc(text), 'not the password'))).toBe('backup.wrong-password');
    const preview = await to.backup.preview(enc(text), PASSWORD);
    expect(Object.fromEntries(preview.items.map((i) => [i.name, i.action]))).toEqual({
      'Bank: anna': 'add',
      'GitHub: anna': 'skip',
      'Mail: anna': 'replace',
    });
    const out = await to.backup.apply(preview.previewId);
    expect(out).toMatchObject({ added: 1, replaced: 1, skipped: ['GitHub: anna'] });
    const after = await to.vault.snapshot();
    expect(after.map((a) => `${a.issuer}:${a.secret === S3 ? 'new' : ''}`)).toEqual(['Bank:', 'GitHub:', 'Mail:new', 'Other:']);
    expect(after.some((a) => a.id === old.id)).toBe(false);
    expect(await codeOf(to.backup.apply(preview.previewId))).toBe('backup.preview-expired');
  });

  it('previews an export of another app, naming what it cannot keep', async () => {
    const s = setup();
    await s.vault.open();
    const text = `otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ\notpauth://totp/Broken:x?secret=1\n`;
    const preview = await s.backup.preview(enc(text), undefined);
    expect(preview.items.map((i) => i.name)).toEqual(['Deno: Mason']);
    expect(preview.unsupported.map((u) => [u.name, u.reason.code])).toEqual([['Broken: x', 'otp.secret-invalid-base32']]);
  });
});

describe('automatic backups', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flex-backup-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an encrypted backup after each change, keeps the newest N, and opens with the password', async () => {
    const s = setup();
    await s.vault.open();
    await s.backup.configure(dir, 2, PASSWORD);
    expect(s.keys.entries.size).toBe(1);
    expect(JSON.stringify([...s.keys.entries.values()])).not.toContain(PASSWORD);
    for (const [i, secret] of [S1, S2, S3].entries()) {
      s.clock.advance(1000);
      await s.vault.add(toAccountSpec({ issuer: `Site ${i}`, label: 'a', secret }));
      s.backup.scheduleAuto(0);
      await s.backup.flush();
    }
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    const newest = readFileSync(join(dir, files[1]!), 'utf8');
    expect((await openBackup(newest, PASSWORD)).accounts).toHaveLength(3);
    expect(await s.backup.status()).toMatchObject({ folder: dir, keep: 2, lastError: null });
  });

  it('reports a folder it cannot write', async () => {
    const s = setup();
    await s.vault.open();
    const file = join(dir, 'a-file');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, 'x'));
    expect(await codeOf(s.backup.configure(file, 3, PASSWORD))).toBe('backup.folder-unavailable');
    expect(await codeOf(s.backup.configure('relative/backups', 3, PASSWORD))).toBe('backup.folder-unavailable');
  });

  it('the plain list goes where the OS save dialog says (Electron), nothing when cancelled, else into the backup folder', async () => {
    const s = setup();
    await s.vault.open();
    await fill(s.vault);
    expect(await codeOf(s.backup.exportPlainToFolder())).toBe('backup.no-folder');
    await s.backup.configure(dir, 3, PASSWORD);
    const inFolder = await s.backup.exportPlainToFolder();
    expect(inFolder).toMatch(new RegExp(`^${dir}/flex-hrm-connect-.*-PLAIN\\.txt$`));
    const chosen = join(dir, 'chosen.txt');
    const answers: Array<string | null> = [chosen, null];
    const withDialog = new BackupService({
      vault: s.vault,
      settings: new SettingsStore(s.db),
      keyStore: s.keys,
      clock: s.clock,
      appName: 't',
      choosePlainExportPath: () => Promise.resolve(answers.shift() ?? null),
    });
    expect(await withDialog.exportPlainToFolder()).toBe(chosen);
    expect(readFileSync(chosen, 'utf8')).toContain(`secret=${S1}`);
    expect(await withDialog.exportPlainToFolder()).toBeNull();
  });

  it('the plain export is otpauth lines that import back', async () => {
    const s = setup();
    await s.vault.open();
    await fill(s.vault);
    const text = await s.backup.exportPlain();
    expect(text.trim().split('\n')).toHaveLength(2);
    expect((await readExport(enc(text))).accounts.map((a) => [a.issuer, a.secret, a.counter])).toEqual([
      ['Bank', S2, 41],
      ['GitHub', S1, 0],
    ]);
  });
});

describe('restore keeps what it cannot replace', () => {
  it('a replacement whose key another account has is skipped, and the old account stays', async () => {
    const from = setup();
    await from.vault.open();
    await from.vault.add(toAccountSpec({ issuer: 'Mail', label: 'anna', secret: S1 }));
    const { text } = await from.backup.exportEncrypted(PASSWORD);
    const to = setup();
    await to.vault.open();
    await to.vault.add(toAccountSpec({ issuer: 'Mail', label: 'anna', secret: S2 }));
    await to.vault.add(toAccountSpec({ issuer: 'GitHub', label: 'anna', secret: S1 }));
    const preview = await to.backup.preview(enc(text), PASSWORD);
    expect(preview.items.map((i) => i.action)).toEqual(['skip']);
    expect(await to.backup.apply(preview.previewId)).toMatchObject({ added: 0, replaced: 0, skipped: ['Mail: anna'] });
    expect((await to.vault.snapshot()).map((a) => [a.issuer, a.secret])).toEqual([
      ['Mail', S2],
      ['GitHub', S1],
    ]);
  });

  it('when the keychain fails during a replacement, the old account is left as it was and the error is reported', async () => {
    const from = setup();
    await from.vault.open();
    await from.vault.add(toAccountSpec({ issuer: 'Mail', label: 'anna', secret: S1 }));
    const { text } = await from.backup.exportEncrypted(PASSWORD);
    const to = setup();
    await to.vault.open();
    await to.vault.add(toAccountSpec({ issuer: 'Mail', label: 'anna', secret: S2 }));
    const preview = await to.backup.preview(enc(text), PASSWORD);
    expect(preview.items.map((i) => i.action)).toEqual(['replace']);
    // The keychain write of the new key fails.
    const store = to.store;
    const set = store.set.bind(store);
    let failures = 1;
    store.set = async (k, v) => {
      if (failures-- > 0) throw new Error('locked');
      return set(k, v);
    };
    expect(await codeOf(to.backup.apply(preview.previewId))).not.toBe('resolved');
    expect((await to.vault.snapshot()).map((a) => [a.issuer, a.secret])).toEqual([['Mail', S2]]);
  });

  it('keeps only the newest few previews (they hold keys in memory)', async () => {
    const s = setup();
    await s.vault.open();
    const text = enc(`otpauth://totp/A:b?secret=${S1}\n`);
    const first = await s.backup.preview(text, undefined);
    for (let i = 0; i < 4; i++) await s.backup.preview(text, undefined);
    expect(await codeOf(s.backup.apply(first.previewId))).toBe('backup.preview-expired');
  });
});
