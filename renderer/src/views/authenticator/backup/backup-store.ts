import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AutoBackupStatus, ImportOutcome, ImportPreview } from '@shared/contract';
import type { AppErrorData } from '@shared/result';
import { useApi } from '../../../api/use-api';
import { blobToBase64 } from '../scan/page-capture';

/**
 * The import/backup page's calls. Files go to main as base64 and come back only as a preview by
 * name; an export comes back encrypted (the page saves it) or is written by main (the plain list).
 */
export const useBackupStore = defineStore('backup', () => {
  const api = useApi();
  const auto = ref<AutoBackupStatus | null>(null);

  async function preview(file: Blob, password?: string): Promise<{ ok: true; value: ImportPreview } | { ok: false; error: AppErrorData }> {
    const fileBase64 = await blobToBase64(file);
    return api.call('vault.previewImport', password === undefined ? { fileBase64 } : { fileBase64, password });
  }
  const apply = (previewId: string): Promise<{ ok: true; value: ImportOutcome } | { ok: false; error: AppErrorData }> =>
    api.call('vault.applyImport', { previewId });
  const discard = (previewId: string) => void api.call('vault.discardImport', { previewId });
  const exportEncrypted = (password: string) => api.call('backup.exportVault', { password });
  const exportPlain = () => api.call('backup.exportPlainList', { confirmed: true });

  async function loadAuto(): Promise<void> {
    const res = await api.call('backup.getAutoBackup');
    if (res.ok) auto.value = res.value;
  }
  async function setAuto(folder: string, keep: number, password: string) {
    const res = await api.call('backup.setAutoBackup', { folder, keep, password });
    if (res.ok) auto.value = res.value;
    return res;
  }
  async function autoOff() {
    const res = await api.call('backup.disableAutoBackup');
    if (res.ok) auto.value = res.value;
    return res;
  }
  return { auto, preview, apply, discard, exportEncrypted, exportPlain, loadAuto, setAuto, autoOff };
});
