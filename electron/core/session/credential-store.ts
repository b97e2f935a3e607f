import { z } from 'zod';
import type { SettingsStore } from '../settings/settings-service';

/**
 * Where the session service keeps its long-lived credentials (the push-device credential and
 * remembered-device tokens): main process only, never sent to the renderer. A port, so the
 * composition root can give it a keychain-backed store; the default keeps them in app.db's
 * settings table, because the vault's keychain service reconciles away keys it does not own.
 */
export interface CredentialStore {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

export class SettingsCredentialStore implements CredentialStore {
  constructor(private readonly settings: SettingsStore) {}
  get(key: string): string | null {
    return this.settings.read<string | null>(`credential.${key}`, z.string().max(4096), null);
  }
  set(key: string, value: string | null): void {
    this.settings.write(`credential.${key}`, value ?? undefined);
  }
}
