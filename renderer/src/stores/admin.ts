import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AdminCompany, AdminCompanyUpdate, AdminUserView } from '@shared/contract';
import type { AppErrorData } from '@shared/result';
import { ApiError } from '@/api/client';
import { useApi } from '@/api/use-api';

/**
 * HRM administration (issue 5): company settings with the cutover switch, the users' link status
 * and the per-user actions. Main holds the admin's HRM session; this mirrors the views.
 */
export const useAdminStore = defineStore('admin', () => {
  const api = useApi();
  const company = ref<AdminCompany | null>(null);
  const users = ref<AdminUserView[]>([]);
  const busy = ref(false);
  const error = ref<AppErrorData | null>(null);

  const linkedCount = computed(() => users.value.filter((u) => u.status === 'linked').length);

  async function run<T>(fn: () => Promise<T>): Promise<T | null> {
    busy.value = true;
    error.value = null;
    try {
      return await fn();
    } catch (e) {
      error.value = e instanceof ApiError ? e.data : { code: 'internal' };
      return null;
    } finally {
      busy.value = false;
    }
  }

  async function load(): Promise<boolean> {
    const res = await run(() => Promise.all([api.call('admin.company'), api.call('admin.users')]));
    if (!res) return false;
    [company.value, users.value] = [res[0], res[1].users];
    return true;
  }

  async function updateCompany(patch: AdminCompanyUpdate): Promise<AdminCompany | null> {
    const next = await run(() => api.call('admin.companyUpdate', patch));
    if (next) company.value = next;
    return next;
  }

  async function refreshUsers(): Promise<void> {
    const res = await run(() => api.call('admin.users'));
    if (res) users.value = res.users;
  }

  async function resend(userId: string) {
    const res = await run(() => api.call('admin.resend', { userId }));
    // A company without verification links at once: show the new state.
    if (res) await api.call('admin.users').then((r) => (users.value = r.users)).catch(() => undefined);
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
    clearError: () => {
      error.value = null;
    },
    load,
    updateCompany,
    refreshUsers,
    resend,
    removeConnection,
  };
});
