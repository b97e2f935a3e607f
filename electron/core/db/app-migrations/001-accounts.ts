import type { Migration } from '../migrations';

/** Authenticator account metadata. The secret is NOT here: it lives in the keychain under `id`. */
export const m001Accounts: Migration = {
  version: 1,
  name: '001-accounts',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id          TEXT PRIMARY KEY,
        type        TEXT NOT NULL CHECK (type IN ('totp', 'hotp')),
        issuer      TEXT NOT NULL,
        label       TEXT NOT NULL,
        algorithm   TEXT NOT NULL CHECK (algorithm IN ('SHA1', 'SHA256', 'SHA512')),
        digits      INTEGER NOT NULL CHECK (digits IN (6, 8)),
        period      INTEGER NOT NULL,
        counter     INTEGER NOT NULL DEFAULT 0,
        pinned      INTEGER NOT NULL DEFAULT 0,
        position    INTEGER NOT NULL,
        created_at  INTEGER NOT NULL
      );
      CREATE INDEX accounts_order ON accounts (pinned DESC, position);
      -- Write-ahead intents: an add or delete touches two stores (keychain + SQLite) that cannot
      -- share a transaction, so the intent is recorded first and reconciled at start-up.
      CREATE TABLE vault_intents (
        account_id  TEXT PRIMARY KEY,
        op          TEXT NOT NULL CHECK (op IN ('add', 'delete')),
        payload     TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      );
    `);
  },
};
