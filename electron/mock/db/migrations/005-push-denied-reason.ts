import type { Migration } from '../../../core/db/migrations';

/** Why a push request was denied: `wrong-number` (number matching failed) or NULL (declined). */
export const m005PushDeniedReason: Migration = {
  version: 5,
  name: '005-push-denied-reason',
  up(db) {
    db.exec('ALTER TABLE push_requests ADD COLUMN denied_reason TEXT');
  },
};
