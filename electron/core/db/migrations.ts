import Database from 'better-sqlite3';
import { AppError } from '@shared/result';

export type Db = Database.Database;

/** One numbered, forward-only step. `version` starts at 1 and has no gaps. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/**
 * Runs pending migrations, each in its own transaction that also sets `user_version`
 * (Signal's runner does the same). A database written by a newer build is refused rather than
 * read with assumptions that may no longer hold.
 */
export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list out of order at ${m.name}: expected version ${i + 1}`);
  });
  const latest = migrations.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    throw new AppError('db.from-the-future', { found: from, supported: latest });
  }
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest };
}

/** Opens a SQLite file with the settings both app.db and mock.db use, then migrates it. */
export function openDatabase(file: string, migrations: readonly Migration[]): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
