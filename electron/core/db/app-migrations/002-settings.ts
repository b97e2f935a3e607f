import type { Migration } from '../migrations';

/** Client settings as key/value JSON (language, server, saved email, ...). */
export const m002Settings: Migration = {
  version: 2,
  name: '002-settings',
  up(db) {
    db.exec(`CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  },
};
