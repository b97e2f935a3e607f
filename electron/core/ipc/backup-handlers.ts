import type { BackupService } from '../backup/backup-service';
import type { Handlers } from './dispatcher';

type BackupChannel = 'vault.import.preview' | 'vault.import.apply' | 'vault.import.discard' | Extract<keyof Handlers, `backup.${string}`>;

/** Import/restore with a preview, the exports and automatic backups; rules live in BackupService. */
export function createBackupHandlers(backup: BackupService): Pick<Handlers, BackupChannel> {
  return {
    'vault.import.preview': ({ fileBase64, password }) => backup.preview(new Uint8Array(Buffer.from(fileBase64, 'base64')), password),
    'vault.import.apply': ({ previewId }) => backup.apply(previewId),
    'vault.import.discard': ({ previewId }) => {
      backup.discard(previewId);
      return { done: true } as const;
    },
    'backup.export': ({ password }) => backup.exportEncrypted(password),
    'backup.exportPlain': async () => ({ path: await backup.exportPlainToFolder() }),
    'backup.auto.get': () => backup.status(),
    'backup.auto.set': ({ folder, keep, password }) => backup.configure(folder, keep, password),
    'backup.auto.off': () => backup.disable(),
  };
}
