import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('app.db migrations', () => {
  it('001 creates accounts and the vault intent log', () => {
    const db = new Database(':memory:');
    migrate(db, appMigrations.slice(0, 1));
    expect(tables(db)).toEqual(expect.arrayContaining(['accounts', 'vault_intents']));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    // The secret has no column: it must never be stored in SQLite.
    const cols = (db.prepare('PRAGMA table_info(accounts)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).not.toContain('secret');
  });

  it('002 adds settings on top of a version-1 database and keeps its rows', () => {
    const db = new Database(':memory:');
    migrate(db, appMigrations.slice(0, 1));
    db.prepare(
      "INSERT INTO accounts (id, type, issuer, label, algorithm, digits, period, position, created_at) VALUES ('a', 'totp', 'X', 'y', 'SHA1', 6, 30, 0, 0)",
    ).run();
    expect(migrate(db, appMigrations.slice(0, 2))).toEqual({ from: 1, to: 2 });
    expect(tables(db)).toContain('settings');
    expect(db.prepare('SELECT COUNT(*) AS n FROM accounts').get()).toEqual({ n: 1 });
  });

  it('003 removes plaintext credentials a 002 database kept in settings, and nothing else', () => {
    const db = new Database(':memory:');
    migrate(db, appMigrations.slice(0, 2));
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    put.run('credential.push-devices', '"[{\\"credential\\":\\"secret\\"}]"');
    put.run('credential.remembered-device.anna@example.com', '"token"');
    put.run('app', '{"language":"sv"}');
    expect(migrate(db, appMigrations)).toEqual({ from: 2, to: appMigrations.at(-1)!.version });
    expect(db.prepare('SELECT key FROM settings').all()).toEqual([{ key: 'app' }]);
  });

  it('refuses a database written by a newer version', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    expect(() => migrate(db, appMigrations)).toThrowError(expect.objectContaining({ code: 'db.from-the-future' }));
  });

  it('rolls a failing step back entirely, leaving the version where it was', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      ...appMigrations,
      { version: appMigrations.length + 1, name: 'broken', up: (d) => { d.exec('CREATE TABLE half (x)'); throw new Error('boom'); } },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(appMigrations.length);
    expect(tables(db)).not.toContain('half');
  });
});
