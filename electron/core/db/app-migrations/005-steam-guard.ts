import type { Migration } from '../migrations';

/**
 * Steam Guard accounts (type `steam`, codes of 5 characters; Aegis, andOTP and 2FAS export them).
 * SQLite cannot change a CHECK in place, so the table is rebuilt with the same rows, as in 004.
 */
export const m005SteamGuard: Migration = {
  version: 5,
  name: '005-steam-guard',
  up(db) {
    db.exec(`
      CREATE TABLE accounts_v5 (
        id          TEXT PRIMARY KEY,
        type        TEXT NOT NULL CHECK (type IN ('totp', 'hotp', 'steam')),
        issuer      TEXT NOT NULL,
        label       TEXT NOT NULL,
        algorithm   TEXT NOT NULL CHECK (algorithm IN ('SHA1', 'SHA256', 'SHA512')),
        digits      INTEGER NOT NULL CHECK (digits IN (5, 6, 7, 8)),
        period      INTEGER NOT NULL,
        counter     INTEGER NOT NULL DEFAULT 0,
        pinned      INTEGER NOT NULL DEFAULT 0,
        position    INTEGER NOT NULL,
        created_at  INTEGER NOT NULL,
        CHECK (type <> 'steam' OR (digits = 5 AND algorithm = 'SHA1' AND period = 30)),
        CHECK (type = 'steam' OR digits <> 5)
      );
      INSERT INTO accounts_v5 (id, type, issuer, label, algorithm, digits, period, counter, pinned, position, created_at)
        SELECT id, type, issuer, label, algorithm, digits, period, counter, pinned, position, created_at FROM accounts;
      DROP TABLE accounts;
      ALTER TABLE accounts_v5 RENAME TO accounts;
      CREATE INDEX accounts_order ON accounts (pinned DESC, position);
    `);
  },
};
