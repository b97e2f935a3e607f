import type { Migration } from '../migrations';

/**
 * Builds before this one kept the push-device credential and remembered-device tokens in the
 * settings table. They now live in the OS keychain only; scrub the plaintext copies (the device
 * is enrolled again, which is what a user would have to do after a keychain loss anyway).
 */
export const m003CredentialsOutOfSettings: Migration = {
  version: 3,
  name: '003-credentials-out-of-settings',
  up(db) {
    db.prepare("DELETE FROM settings WHERE key LIKE 'credential.%'").run();
  },
};
