import type { Migration } from '../../../core/db/migrations';

/**
 * The outbox keeps a message's link token or code readable only while it can still be used:
 * `secret` is the exact text to scrub, `secret_ref` what spends it (`token:<id>` for a token row,
 * or a service's own reference), `secret_state` valid -> used | expired (then `secret` is NULL and
 * the text and links no longer hold it).
 */
export const m004OutboxSecrets: Migration = {
  version: 4,
  name: '004-outbox-secrets',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN secret TEXT;
      ALTER TABLE outbox ADD COLUMN secret_ref TEXT;
      ALTER TABLE outbox ADD COLUMN secret_expires_at INTEGER;
      ALTER TABLE outbox ADD COLUMN secret_state TEXT;
      CREATE INDEX outbox_secret_ref ON outbox (secret_ref) WHERE secret IS NOT NULL;
    `);
  },
};
