import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '@shared/contract';
import { systemClock, type Clock } from '@shared/clock';
import type { ClipboardPort } from './clipboard/clipboard-port';
import { CodeClipboard } from './clipboard/code-clipboard';
import { openDatabase } from './db/migrations';
import { appMigrations } from './db/app-migrations';
import { createDispatcher } from './ipc/dispatcher';
import { EventHub } from './ipc/event-hub';
import { createHandlers } from './ipc/handlers';
import { parseAuthenticatorText } from './otp/parse-any';
import type { SecretStore } from './secrets/secret-store';
import { SettingsStore } from './settings/settings-service';
import { createSessionServices } from './session';
import { VaultService } from './vault/vault-service';

export interface AppCoreOptions {
  /** The user-data directory; app.db lives here. */
  dataDir: string;
  secretStore: SecretStore;
  info: AppInfo;
  clock?: Clock;
  /** The embedded identity mock's address (the default server); null/absent when none runs. */
  embeddedServerUrl?: string | null;
  /** The OS clipboard (Electron main); absent where main has none, and the renderer copies. */
  clipboard?: ClipboardPort;
}

/**
 * Builds every core service and the contract's handlers. Both composition roots (Electron main
 * and the browser host) call this, so the two transports can never fork behaviour.
 */
export async function createAppCore(options: AppCoreOptions) {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, 'app.db'), appMigrations);
  const clock = options.clock ?? systemClock;
  const events = new EventHub();
  const settings = new SettingsStore(db);
  const vault = new VaultService(db, options.secretStore, clock, parseAuthenticatorText);
  await vault.open();
  const sessionServices = createSessionServices({
    settings,
    embeddedServerUrl: options.embeddedServerUrl ?? null,
    onSessionChange: (view) => events.emit('session.changed', view),
    onPushRequest: (id) => events.emit('push.request', { id }),
    onPushResolved: (id, state) => events.emit('push.resolved', { id, state }),
  });
  const clipboard = options.clipboard ? new CodeClipboard(options.clipboard, clock) : null;
  const dispatch = createDispatcher(createHandlers({ info: options.info, settings, vault, events, sessionServices, clipboard }));
  return {
    dispatch,
    events,
    vault,
    sessionServices,
    close: () => {
      clipboard?.cancel();
      sessionServices.close();
      db.close();
    },
  };
}

export type AppCore = Awaited<ReturnType<typeof createAppCore>>;
