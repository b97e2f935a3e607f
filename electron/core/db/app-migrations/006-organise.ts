import type { Migration } from '../migrations';

/**
 * Organising the authenticator (issue 12): the groups an account is filed under (a JSON array of
 * names, `[]` for none) and when its code was last copied or shown on request (for the
 * "recently used" sort; NULL until then). Plain ALTERs: both columns have defaults.
 */
export const m006Organise: Migration = {
  version: 6,
  name: '006-organise',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN groups TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE accounts ADD COLUMN last_used_at INTEGER;
    `);
  },
};
