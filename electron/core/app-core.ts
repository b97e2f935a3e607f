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
import type { DesktopPort } from './ipc/desktop-handlers';
import { createLogger } from './log';
import { parseAuthenticatorText } from './otp/parse-any';
import type { SecretStore } from './secrets/secret-store';
import { AppSettings } from './settings/app-settings';
import { SettingsStore } from './settings/settings-store';
import { KeychainCredentialStore, MemoryCredentialStore } from './session/credential-store';
import { createSessionServices } from './session';
import { VaultService } from './vault/vault-service';
import { ScanService } from './capture/scan-service';
import type { ScreenSource } from './capture/screen-source';
import { QrDecoder, type QrFrameDecoder } from './qr/decoder';
import { sourceQrWorkerUrl } from './qr/worker-url';
import { BackupService } from './backup/backup-service';
import { MemorySecretStore } from './secrets/memory-secret-store';
import { LockService, type UserVerification } from './lock/lock-service';
import { ClockCheckService } from './clock/clock-check';

export interface AppCoreOptions {
  /** The user-data directory; app.db lives here. */
  dataDir: string;
  secretStore: SecretStore;
  /**
   * The keychain under a second service name, for the session's long-lived credentials (push
   * device, remembered devices). Absent in tests: they are then kept for this run only.
   */
  credentialStore?: SecretStore;
  /**
   * The keychain under a third service name, for the automatic backups' key (not the credentials'
   * service: signing out clears that one). Absent in tests: kept for this run only.
   */
  backupKeyStore?: SecretStore;
  info: AppInfo;
  clock?: Clock;
  /** The embedded identity mock's address (the default server); null/absent when none runs. */
  embeddedServerUrl?: string | null;
  /** The embedded mock's mailbox token (RunningMock.mailboxToken): the in-app mailbox reads its outbox with it. */
  embeddedMailboxToken?: string | null;
  /** Captures every display for "Scan screens" (Electron); absent where the page captures (browser host). */
  screenSource?: ScreenSource | null;
  /** Off-thread QR decoding; defaults to the worker run from sources (browser host, tests). */
  qrDecoder?: QrFrameDecoder;
  /** The OS clipboard (Electron main); absent where main has none, and the renderer copies. */
  clipboard?: ClipboardPort;
  /** The OS's user verification for the app lock (Touch ID on macOS, Electron); absent elsewhere. */
  userVerification?: UserVerification | null;
  /** The desktop shell's diagnostics, updater and deep-link inbox (electron/main); absent in the browser host. */
  desktop?: DesktopPort | null;
  /**
   * Electron: the OS save dialog for the unencrypted list, so only the user (not the page) picks
   * where keys in the clear are written; null when cancelled. Absent (browser host): the backup folder.
   */
  choosePlainExportPath?: (defaultName: string) => Promise<string | null>;
}

const log = createLogger('core');

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
  const lock = new LockService({
    settings,
    clock,
    verification: options.userVerification ?? null,
    onChange: (view) => events.emit('lock.changed', view),
  });
  vault.guardCodes(() => lock.assertUnlocked());
  await vault.open();
  const credentials = options.credentialStore
    ? await KeychainCredentialStore.open(options.credentialStore, (e) => log.error('Could not save a credential in the keychain:', e))
    : new MemoryCredentialStore();
  // Retry on the locked-keychain screen re-opens the vault; the session's credentials follow it.
  if (credentials instanceof KeychainCredentialStore) vault.onRecovered(() => void credentials.reconnect());
  const appSettings = new AppSettings(settings);
  const language = (): 'sv' | 'en' => {
    const chosen = appSettings.read().language;
    return chosen === 'system' ? options.info.systemLocale : chosen;
  };
  const sessionServices = createSessionServices({
    settings,
    language,
    embeddedServerUrl: options.embeddedServerUrl ?? null,
    embeddedMailboxToken: options.embeddedMailboxToken ?? null,
    credentials,
    onSessionChange: (view) => events.emit('session.changed', view),
    onPushRequest: (id) => events.emit('push.requestReceived', { id }),
    onPushResolved: (id, state) => events.emit('push.requestResolved', { id, state }),
  });
  // Before the first renderer call, so the app opens signed in; bounded by RESTORE_TIMEOUT_MS.
  await sessionServices.session.restore();
  const qrDecoder = options.qrDecoder ?? new QrDecoder(sourceQrWorkerUrl());
  const scan = new ScanService(qrDecoder, vault, options.screenSource ?? null, clock);
  // Whether main captures is a fact of the wiring, not something a root can claim.
  const info: AppInfo = {
    ...options.info,
    screenCapture: scan.capturesScreens ? 'main' : options.info.screenCapture === 'main' ? 'none' : options.info.screenCapture,
  };
  const clipboard = options.clipboard ? new CodeClipboard(options.clipboard, clock) : null;
  const backup = new BackupService({
    vault,
    settings,
    keyStore: options.backupKeyStore ?? new MemorySecretStore(),
    clock,
    appName: `${options.info.name} ${options.info.version}`,
    onVaultChanged: () => events.emit('vault.changed', {}),
    ...(options.choosePlainExportPath ? { choosePlainExportPath: options.choosePlainExportPath } : {}),
  });
  // After each change of the vault, from any channel: a new automatic backup (debounced), if on.
  events.subscribe((event) => {
    if (event === 'vault.changed') backup.scheduleAuto();
  });
  const clockCheck = new ClockCheckService(() => sessionServices.server.baseUrl(), clock);
  const dispatch = createDispatcher(
    createHandlers({
      info,
      settings,
      vault,
      events,
      sessionServices,
      scan,
      backup,
      clipboard,
      desktop: options.desktop ?? null,
      lock,
      clockCheck,
      language,
    }),
    log,
  );
  return {
    dispatch,
    events,
    vault,
    backup,
    /** The app lock: Electron main feeds it the system's lock screen and sleep (`lockNow`). */
    lock,
    credentials,
    sessionServices,
    scan,
    /** The user's settings as saved (language, tray, start at login): the shell reads them. */
    readSettings: () => appSettings.read(),
    /** The UI language the user chose ('system' resolved): notifications and dialogs use it. */
    language,
    /**
     * Before quitting (Electron's will-quit, the browser host's close): a copied code still on the
     * clipboard is cleared now rather than left there when its timer dies with the process, and the
     * credentials' background writes reach the keychain. Then `close()`.
     */
    shutdown: async (): Promise<void> => {
      await Promise.allSettled([clipboard?.flush(), credentials.flush(), backup.flush()]);
    },
    close: () => {
      clipboard?.cancel();
      lock.close();
      sessionServices.close();
      void qrDecoder.close();
      db.close();
    },
  };
}

export type AppCore = Awaited<ReturnType<typeof createAppCore>>;
