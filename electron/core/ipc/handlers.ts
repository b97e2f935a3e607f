import type { AppInfo, Settings } from '@shared/contract';
import type { CodeClipboard } from '../clipboard/code-clipboard';
import type { SettingsStore } from '../settings/settings-store';
import { AppSettings } from '../settings/app-settings';
import type { VaultService } from '../vault/vault-service';
import type { SessionServices } from '../session';
import type { EventHub } from './event-hub';
import type { Handlers } from './dispatcher';
import { createCodeHandlers } from './code-handlers';
import { createSessionHandlers } from './session-handlers';
import { createPushHandlers } from './push-handlers';
import { createMailboxHandlers } from './mailbox-handlers';
import { createPreparationHandlers } from './preparation-handlers';
import { createAdminHandlers } from './admin-handlers';
import type { ScanService } from '../capture/scan-service';
import { createScanHandlers } from './scan-handlers';
import type { LockService } from '../lock/lock-service';
import type { ClockCheckService } from '../clock/clock-check';
import { createLockHandlers } from './lock-handlers';
import { transferQr } from '../vault/transfer';
import { createDesktopHandlers, type DesktopPort } from './desktop-handlers';
import type { BackupService } from '../backup/backup-service';
import { createBackupHandlers } from './backup-handlers';

export interface HandlerDeps {
  info: AppInfo;
  settings: SettingsStore;
  vault: VaultService;
  events: EventHub;
  sessionServices: SessionServices;
  scan: ScanService;
  backup: BackupService;
  /** The OS clipboard in main, where there is one (Electron); the browser host has none. */
  clipboard?: CodeClipboard | null;
  /** The desktop shell's part (electron/main); absent in the browser host. */
  desktop?: DesktopPort | null;
  lock: LockService;
  clockCheck: ClockCheckService;
  /** The language texts main writes (the Touch ID prompt) are in. */
  language: () => 'sv' | 'en';
}

/** The contract's handlers. Thin: validation happened in the dispatcher, rules live in services. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { info, settings, vault, events, sessionServices, scan, backup, clipboard = null, desktop = null } = deps;
  const appSettings = new AppSettings(settings);
  const readSettings = (): Settings => appSettings.read();
  const changed = () => events.emit('vault.changed', {});
  const done = { done: true } as const;

  return {
    // One answer for the first view (issue 16): the same parts as session.getState, app.getInfo and settings.getSettings.
    'app.getStartState': () => ({ session: sessionServices.session.view(), info, settings: readSettings() }),
    'settings.getSettings': () => readSettings(),
    'settings.updateSettings': (patch) => {
      const next = appSettings.update(patch);
      desktop?.settingsChanged?.(next);
      return next;
    },
    ...createDesktopHandlers({ info, desktop, busy: () => scan.selecting || sessionServices.push.list().length > 0 }),

    'vault.listAccounts': () => vault.list(),
    'vault.addAccount': async (req) => {
      const [first, ...more] = vault.specsFrom(req);
      if (!first) throw new Error('A parser returned no account');
      const account = await vault.add(first);
      for (const spec of more) await vault.add(spec);
      changed();
      return { account };
    },
    'vault.renameAccount': ({ id, issuer, label }) => {
      vault.rename(id, issuer, label);
      changed();
      return done;
    },
    'vault.pinAccount': ({ id, pinned }) => {
      vault.setPinned(id, pinned);
      changed();
      return done;
    },
    'vault.reorderAccounts': ({ ids }) => {
      vault.reorder(ids);
      changed();
      return done;
    },
    'vault.editAccount': async (req) => {
      const account = await vault.edit(req);
      changed();
      return { account };
    },
    'vault.setAccountGroups': ({ id, groups }) => {
      vault.setGroups(id, groups);
      changed();
      return done;
    },
    'vault.showTransferQr': ({ ids }) => transferQr(vault.specsForTransfer([...new Set(ids)]), Math.floor(Math.random() * 2 ** 31)),
    'vault.deleteAccount': async ({ id }) => {
      await vault.delete(id);
      changed();
      return done;
    },

    ...createCodeHandlers({ vault, events, readSettings, clipboard }),
    ...createSessionHandlers(sessionServices),
    ...createPushHandlers(sessionServices),
    ...createMailboxHandlers(sessionServices),
    ...createPreparationHandlers(sessionServices),
    ...createAdminHandlers(sessionServices),
    ...createScanHandlers(scan, changed),
    ...createBackupHandlers(backup),
    ...createLockHandlers(deps.lock, deps.clockCheck, deps.language),
  };
}
