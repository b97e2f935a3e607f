/**
 * The app's core as the audits open it: the real keychain (service `service`, its credentials in
 * `${service} credentials`, as the app names them) and app.db in `dataDir`, optionally against an
 * identity mock; and the clean-up that leaves no audit entry in the keychain.
 */
import type { AppInfo } from '@shared/contract';
import { createAppCore, type AppCore } from '../../electron/core/app-core';
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-secret-store';

export const AUDIT_INFO: AppInfo = {
  name: 'audit',
  version: '0',
  platform: process.platform,
  host: 'electron',
  systemLocale: 'en',
  screenCapture: 'none',
};

export function openKeychainCore(service: string, dataDir: string, embeddedServerUrl?: string): Promise<AppCore> {
  return createAppCore({
    dataDir,
    secretStore: new KeytarSecretStore(service),
    credentialStore: new KeytarSecretStore(`${service} credentials`),
    ...(embeddedServerUrl === undefined ? {} : { embeddedServerUrl }),
    info: AUDIT_INFO,
  });
}

/** Deletes every entry of these keychain services (a keychain that is gone has none to delete). */
export async function clearKeychain(services: string[]): Promise<void> {
  for (const s of services) {
    const store = new KeytarSecretStore(s);
    for (const { key } of await store.list().catch(() => [])) await store.delete(key);
  }
}
