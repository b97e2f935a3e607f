import type { RouteRecordRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the view's name, for the window title. */
    titleKey?: string;
  }
}

/** The authenticator and settings routes (the HRM client's routes are in ./hrm.ts). */
export const appRoutes: RouteRecordRaw[] = [
  {
    path: '/authenticator',
    name: 'authenticator',
    component: () => import('@/views/authenticator/AuthenticatorView.vue'),
    meta: { titleKey: 'authenticator.title' },
  },
  {
    path: '/authenticator/add',
    name: 'authenticator-add',
    component: () => import('@/views/authenticator/AddAccountView.vue'),
    meta: { titleKey: 'addAccount.title' },
  },
  {
    path: '/authenticator/backup',
    name: 'authenticator-backup',
    component: () => import('@/views/authenticator/backup/BackupView.vue'),
    meta: { titleKey: 'backup.title' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/views/settings/SettingsView.vue'),
    meta: { titleKey: 'settings.title' },
  },
];

/** Which main-menu entry a path belongs to, for the menu's "current" marker. */
export type Section = 'hrm' | 'authenticator' | 'mailbox' | 'settings';
export function sectionOf(path: string): Section | null {
  if (path.startsWith('/authenticator')) return 'authenticator';
  if (path.startsWith('/mailbox')) return 'mailbox';
  if (path.startsWith('/settings')) return 'settings';
  if (path.startsWith('/hrm') || path.startsWith('/link') || path.startsWith('/connect')) return 'hrm';
  return null;
}
