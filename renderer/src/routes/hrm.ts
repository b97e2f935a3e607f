import type { RouteRecordRaw } from 'vue-router';
import HrmView from '@/views/hrm/HrmView.vue';

/**
 * The HRM client's routes. Emailed links arrive as `app.deepLinkReceived` events (Electron) or as
 * the http form `/open/<action>` the browser host redirects to `#/link/<action>?…`.
 */
export const hrmRoutes: RouteRecordRaw[] = [
  // The first view of every start ('/' redirects here): in the entry chunk, so the sign-in form
  // needs no second wave of small chunks (issue 16). Every other view loads when it is opened.
  { path: '/hrm', name: 'hrm', component: HrmView },
  { path: '/hrm/forgot', name: 'hrm-forgot', component: () => import('@/views/hrm/ForgotPassword.vue') },
  { path: '/hrm/check-email', name: 'hrm-check-email', component: () => import('@/views/hrm/CheckEmail.vue') },
  { path: '/hrm/server', name: 'hrm-server', component: () => import('@/views/hrm/ServerSettings.vue') },
  { path: '/link/reset-password', name: 'link-reset-password', component: () => import('@/views/hrm/ResetPassword.vue') },
  { path: '/link/magic-link', name: 'link-magic-link', component: () => import('@/views/hrm/MagicLink.vue') },
  { path: '/mailbox', name: 'mailbox', component: () => import('@/views/mailbox/MailboxView.vue') },
  { path: '/hrm/admin', name: 'hrm-admin', component: () => import('@/views/hrm/admin/AdminView.vue') },
  // Stands for accountsettings.connect.visma.com ("Manage your account", the Get Started with Visma Connect guide).
  { path: '/connect/account', name: 'connect-account', component: () => import('@/views/hrm/account/ConnectAccountView.vue') },
];
