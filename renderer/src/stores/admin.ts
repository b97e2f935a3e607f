import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AdminCompany, AdminCompanyUpdate, AdminUserView } from '@shared/contract';
import { allOk } from '@shared/all-ok';
import { useApi } from '@/api/use-api';
import { useCallState } from './use-call-state';

/**
 * HRM administration: company settings with the cutover switch, the users' link status
 * and the per-user actions. Main holds the admin's HRM session; this mirrors the views.
 */
export const useAdminStore = defineStore('admin', () => {
  const api = useApi();
  const company = ref<AdminCompany | null>(null);
  const users = ref<AdminUserView[]>([]);
  const { busy, error, run, clearError } = useCallState();

  const linkedCount = computed(() => users.value.filter((u) => u.status === 'linked').length);

  async function load(): Promise<boolean> {
    const res = await run(async () => allOk(await Promise.all([api.call('admin.getCompany'), api.call('admin.listUsers')])));
    if (!res) return false;
    [company.value, users.value] = [res[0], res[1].users];
    return true;
  }

  async function updateCompany(patch: AdminCompanyUpdate): Promise<AdminCompany | null> {
    const next = await run(() => api.call('admin.updateCompany', patch));
    if (next) company.value = next;
    return next;
  }

  async function refreshUsers(): Promise<void> {
    const res = await run(() => api.call('admin.listUsers'));
    if (res) users.value = res.users;
  }

  async function resend(userId: string) {
    const res = await run(() => api.call('admin.resendVerification', { userId }));
    // A company without verification links at once: show the new state.
    if (res) {
      const list = await api.call('admin.listUsers');
      if (list.ok) users.value = list.value.users;
    }
    return res;
  }

  async function removeConnection(userId: string): Promise<boolean> {
    const res = await run(() => api.call('admin.removeConnection', { userId }));
    if (res) users.value = res.users;
    return res !== null;
  }

  return {
    company,
    users,
    busy,
    error,
    linkedCount,
    clearError,
    load,
    updateCompany,
    refreshUsers,
    resend,
    removeConnection,
  };
});
