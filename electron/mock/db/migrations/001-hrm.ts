import type { Migration } from '../../../core/db/migrations';

/** Companies and their HRM users (the legacy back end). */
export const m001Hrm: Migration = {
  version: 1,
  name: '001-hrm',
  up(db) {
    db.exec(`
      CREATE TABLE companies (
        id                           TEXT PRIMARY KEY,
        name                         TEXT NOT NULL,
        identity_provider            TEXT NOT NULL CHECK (identity_provider IN ('password', 'sso')),
        sso_provider_name            TEXT,
        email_verification_required  INTEGER NOT NULL DEFAULT 1,
        connect_login_enabled        INTEGER NOT NULL DEFAULT 0,
        password_policy              TEXT NOT NULL DEFAULT 'connect' CHECK (password_policy IN ('connect', 'nist')),
        created_at                   INTEGER NOT NULL
      );
      -- Home-realm discovery: one company per domain.
      CREATE TABLE company_domains (
        domain      TEXT PRIMARY KEY,
        company_id  TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE
      );
      CREATE TABLE hrm_users (
        id                    TEXT PRIMARY KEY,
        company_id            TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        user_id               TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash         TEXT NOT NULL,
        name                  TEXT NOT NULL,
        role                  TEXT NOT NULL CHECK (role IN ('employee', 'admin')),
        language              TEXT NOT NULL CHECK (language IN ('sv', 'en')),
        connect_account_id    TEXT,
        linked_at             INTEGER,
        banner_snoozed_until  INTEGER,
        created_at            INTEGER NOT NULL
      );
      CREATE INDEX hrm_users_account ON hrm_users (connect_account_id);
      CREATE TABLE hrm_suggested_emails (
        hrm_user_id  TEXT NOT NULL REFERENCES hrm_users (id) ON DELETE CASCADE,
        email        TEXT NOT NULL,
        position     INTEGER NOT NULL,
        PRIMARY KEY (hrm_user_id, email)
      );
      -- One email verification in progress per HRM user. The failure count lives here, not on the
      -- code, so a resend (new code) keeps it: resending must not buy more guesses.
      CREATE TABLE verifications (
        hrm_user_id  TEXT PRIMARY KEY REFERENCES hrm_users (id) ON DELETE CASCADE,
        email        TEXT NOT NULL,
        code_hash    TEXT,
        expires_at   INTEGER NOT NULL,
        failures     INTEGER NOT NULL DEFAULT 0,
        created_at   INTEGER NOT NULL
      );
    `);
  },
};
