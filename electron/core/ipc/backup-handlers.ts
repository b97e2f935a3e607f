import type { BackupService } from '../backup/backup-service';
import type { Handlers } from './dispatcher';

type BackupChannel = 'vault.previewImport' | 'vault.applyImport' | 'vault.discardImport' | Extract<keyof Handlers, `backup.${string}`>;

/** Import/restore with a preview, the exports and automatic backups; rules live in BackupService. */
export function createBackupHandlers(backup: BackupService): Pick<Handlers, BackupChannel> {
  return {
    'vault.previewImport': ({ fileBase64, password }) => backup.preview(new Uint8Array(Buffer.from(fileBase64, 'base64')), password),
    'vault.applyImport': ({ previewId }) => backup.apply(previewId),
    'vault.discardImport': ({ previewId }) => {
      backup.discard(previewId);
      return { done: true } as const;
    },
    'backup.exportVault': ({ password }) => backup.exportEncrypted(password),
    'backup.exportPlainList': async () => ({ path: await backup.exportPlainToFolder() }),
    'backup.getAutoBackup': () => backup.status(),
    'backup.setAutoBackup': ({ folder, keep, password }) => backup.configure(folder, keep, password),
    'backup.disableAutoBackup': () => backup.disable(),
  };
}
