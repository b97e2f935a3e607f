import type { Migration } from '../../../core/db/migrations';

/** Tokens (sessions, links, tickets, codes), failure/rate records, outbox and audit log. */
export const m003TokensOutboxAudit: Migration = {
  version: 3,
  name: '003-tokens-outbox-audit',
  up(db) {
    db.exec(`
      -- Only the SHA-256 of a token is stored; the token itself exists only in the answer or the
      -- email that carried it. used_at makes single-use tokens single use.
      CREATE TABLE tokens (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        hash        TEXT NOT NULL UNIQUE,
        subject     TEXT NOT NULL,
        data        TEXT NOT NULL DEFAULT '{}',
        failures    INTEGER NOT NULL DEFAULT 0,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        used_at     INTEGER
      );
      CREATE INDEX tokens_subject ON tokens (kind, subject);
      -- Failed sign-ins per key (an address or a legacy user id) for the lockout window.
      CREATE TABLE sign_in_failures (key TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at);
      CREATE TABLE lockouts (key TEXT PRIMARY KEY, until INTEGER NOT NULL);
      -- Sends (emails/SMS with codes) per key, for rate limits.
      CREATE TABLE sends (key TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX sends_key ON sends (key, at);
      CREATE TABLE outbox (
        id          TEXT PRIMARY KEY,
        seq         INTEGER NOT NULL,
        channel     TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
        template    TEXT NOT NULL,
        recipient   TEXT NOT NULL,
        language    TEXT NOT NULL,
        subject     TEXT NOT NULL,
        text        TEXT NOT NULL,
        links       TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      );
      CREATE INDEX outbox_recipient ON outbox (recipient, seq);
      CREATE TABLE audit (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        type     TEXT NOT NULL,
        subject  TEXT,
        detail   TEXT NOT NULL,
        at       INTEGER NOT NULL
      );
    `);
  },
};
