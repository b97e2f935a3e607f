import type { Migration } from '../migrations';

/**
 * PLACEHOLDER: version 5 belongs to the "backup" work (issue 12, part A). It does nothing here so
 * that 006 can exist on this branch; when both are merged, the backup branch's 005 replaces this
 * file and its line in index.ts.
 */
export const m005Reserved: Migration = {
  version: 5,
  name: '005-reserved-for-backup',
  up() {},
};
