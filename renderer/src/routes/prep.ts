import type { RouteRecordRaw } from 'vue-router';

/** Account preparation for Visma Connect (the Get Started with Visma Connect guide): My Profile > Account settings, Settings > Visma Connect. */
export const prepRoutes: RouteRecordRaw[] = [
  {
    path: '/hrm/profile/account-settings',
    name: 'hrm-account-settings',
    component: () => import('@/views/hrm/preparation/AccountSettingsView.vue'),
    meta: { titleKey: 'prep.profile.accountSettings' },
  },
  {
    path: '/settings/connect',
    name: 'settings-connect',
    component: () => import('@/views/hrm/preparation/ConnectSettingsView.vue'),
    meta: { titleKey: 'prep.settings.title' },
  },
];
