import type { Migration } from '../../../core/db/migrations';

/** Connect accounts, password history, 2FA factors, push devices and push requests. */
export const m002Connect: Migration = {
  version: 2,
  name: '002-connect',
  up(db) {
    db.exec(`
      CREATE TABLE connect_accounts (
        id                    TEXT PRIMARY KEY,
        email                 TEXT NOT NULL UNIQUE,
        name                  TEXT NOT NULL,
        language              TEXT NOT NULL CHECK (language IN ('sv', 'en')),
        password_hash         TEXT,
        password_changed_at   INTEGER,
        remind_later_until    INTEGER,
        created_at            INTEGER NOT NULL
      );
      -- The last N password hashes (current included) so a new password cannot repeat them.
      CREATE TABLE password_history (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id  TEXT NOT NULL REFERENCES connect_accounts (id) ON DELETE CASCADE,
        hash        TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      );
      CREATE TABLE push_devices (
        id                 TEXT PRIMARY KEY,
        account_id         TEXT NOT NULL REFERENCES connect_accounts (id) ON DELETE CASCADE,
        name               TEXT NOT NULL,
        platform           TEXT,
        credential_hash    TEXT NOT NULL,
        verification_code  TEXT NOT NULL,
        state              TEXT NOT NULL CHECK (state IN ('awaiting-consent', 'active', 'denied')),
        created_at         INTEGER NOT NULL
      );
      -- Active second factors. The TOTP secret must be readable to verify codes; a production
      -- server would encrypt it with a key outside the database, the demo mock does not.
      CREATE TABLE factors (
        id             TEXT PRIMARY KEY,
        account_id     TEXT NOT NULL REFERENCES connect_accounts (id) ON DELETE CASCADE,
        kind           TEXT NOT NULL CHECK (kind IN ('push', 'totp', 'sms', 'emergency')),
        label          TEXT NOT NULL,
        totp_secret    TEXT,
        last_counter   INTEGER,
        phone          TEXT,
        device_id      TEXT REFERENCES push_devices (id) ON DELETE CASCADE,
        code_hash      TEXT,
        created_at     INTEGER NOT NULL,
        last_used_at   INTEGER
      );
      CREATE INDEX factors_account ON factors (account_id, kind);
      -- 2FA set-up in progress (push, totp, sms, emergency), with its own attempt counter.
      CREATE TABLE enrolments (
        id          TEXT PRIMARY KEY,
        account_id  TEXT NOT NULL REFERENCES connect_accounts (id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('push', 'totp', 'sms', 'emergency')),
        state       TEXT NOT NULL,
        secret      TEXT,
        code_hash   TEXT,
        phone       TEXT,
        device_id   TEXT,
        failures    INTEGER NOT NULL DEFAULT 0,
        expires_at  INTEGER NOT NULL,
        created_at  INTEGER NOT NULL
      );
      CREATE INDEX enrolments_code ON enrolments (code_hash);
      CREATE TABLE push_requests (
        id          TEXT PRIMARY KEY,
        account_id  TEXT NOT NULL REFERENCES connect_accounts (id) ON DELETE CASCADE,
        ticket_id   TEXT NOT NULL,
        number      TEXT NOT NULL,
        choices     TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'denied', 'expired')),
        location    TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        answered_at INTEGER
      );
      CREATE TABLE recent_devices (
        account_id    TEXT NOT NULL REFERENCES connect_accounts (id) ON DELETE CASCADE,
        name          TEXT NOT NULL,
        browser       TEXT NOT NULL,
        country       TEXT NOT NULL,
        ip            TEXT NOT NULL,
        last_used_at  INTEGER NOT NULL,
        PRIMARY KEY (account_id, name, browser, ip)
      );
    `);
  },
};
