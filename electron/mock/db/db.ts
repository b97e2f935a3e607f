import { openDatabase, type Db } from '../../core/db/migrations';
import { mockMigrations } from './migrations';

export type { Db };

/** Opens (and migrates) mock.db; ':memory:' for tests. Refuses a database from a newer build. */
export function openMockDatabase(file: string): Db {
  return openDatabase(file, mockMigrations);
}
