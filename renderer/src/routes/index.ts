import { createRouter, createWebHashHistory } from 'vue-router';
import { appRoutes } from './app';
import { hrmRoutes } from './hrm';
import { prepRoutes } from './prep';

/**
 * Hash history: the renderer is served from app://renderer/index.html in Electron and from the
 * browser host's root, and the hash works the same in both (and needs no server rewrites).
 */
export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', redirect: { name: 'hrm' } },
      ...hrmRoutes,
      ...prepRoutes,
      ...appRoutes,
      { path: '/:pathMatch(.*)*', redirect: '/' },
    ],
  });
}
