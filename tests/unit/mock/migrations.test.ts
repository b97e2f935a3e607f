import { describe, expect, it } from 'vitest';
import { openMockDatabase } from '../../../electron/mock/db/db';
import { MOCK_TABLES, mockMigrations } from '../../../electron/mock/db/migrations';
import { migrate } from '../../../electron/core/db/migrations';
import Database from 'better-sqlite3';

describe('mock.db migrations', () => {
  it('creates every table at the latest version', () => {
    const db = openMockDatabase(':memory:');
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(mockMigrations.length);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining([...MOCK_TABLES]));
    } finally {
      db.close();
    }
  });

  it('runs each migration on top of the previous one', () => {
    const db = new Database(':memory:');
    try {
      for (let n = 1; n <= mockMigrations.length; n++) {
        expect(migrate(db, mockMigrations.slice(0, n))).toEqual({ from: n - 1, to: n });
      }
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer build', () => {
    const db = new Database(':memory:');
    try {
      db.pragma(`user_version = ${mockMigrations.length + 1}`);
      expect(() => migrate(db, mockMigrations)).toThrow('db.from-the-future');
    } finally {
      db.close();
    }
  });
});
