import type { Migration } from '../migrations';

/**
 * 7-digit codes (Aegis, andOTP and 2FAS exports carry them; RFC 4226 allows 6 to 8). SQLite cannot
 * change a CHECK in place, so the table is rebuilt with the same rows, as SQLite's docs prescribe.
 */
export const m004SevenDigitCodes: Migration = {
  version: 4,
  name: '004-seven-digit-codes',
  up(db) {
    db.exec(`
      CREATE TABLE accounts_v4 (
        id          TEXT PRIMARY KEY,
        type        TEXT NOT NULL CHECK (type IN ('totp', 'hotp')),
        issuer      TEXT NOT NULL,
        label       TEXT NOT NULL,
        algorithm   TEXT NOT NULL CHECK (algorithm IN ('SHA1', 'SHA256', 'SHA512')),
        digits      INTEGER NOT NULL CHECK (digits IN (6, 7, 8)),
        period      INTEGER NOT NULL,
        counter     INTEGER NOT NULL DEFAULT 0,
        pinned      INTEGER NOT NULL DEFAULT 0,
        position    INTEGER NOT NULL,
        created_at  INTEGER NOT NULL
      );
      INSERT INTO accounts_v4 (id, type, issuer, label, algorithm, digits, period, counter, pinned, position, created_at)
        SELECT id, type, issuer, label, algorithm, digits, period, counter, pinned, position, created_at FROM accounts;
      DROP TABLE accounts;
      ALTER TABLE accounts_v4 RENAME TO accounts;
      CREATE INDEX accounts_order ON accounts (pinned DESC, position);
    `);
  },
};
