// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { installHrmDeepLinks } from '../../../renderer/src/routes/deep-links';
import { ok, useFakeApi } from './fake-transport';

const empty = { render: () => null };
const router = () =>
  createRouter({
    history: createMemoryHistory(),
    routes: ['/', '/hrm', '/authenticator', '/settings', '/link/reset-password', '/link/magic-link'].map((path) => ({
      path,
      name: path === '/' ? 'home' : path.slice(1).replace('/', '-'),
      component: empty,
    })),
  });

describe('deep links and navigation from main', () => {
  it('takes the link that launched the app (kept in main until the page asked) and routes it', async () => {
    const { api, transport } = useFakeApi({
      'app.takeDeepLinks': () => ok({ links: [{ path: 'reset-password', query: { token: 'abc' } }] }),
    });
    const r = router();
    await r.push('/');
    installHrmDeepLinks(r, api);
    await flushPromises();
    expect(transport.callsTo('app.takeDeepLinks')).toHaveLength(1);
    expect(r.currentRoute.value.fullPath).toBe('/link/reset-password?token=abc');
  });

  it('takes the kept links only when the start says (once the first view is painted), listening before that', async () => {
    const { api, transport } = useFakeApi({
      'app.takeDeepLinks': () => ok({ links: [{ path: 'magic-link', query: { token: 'm' } }] }),
    });
    const r = router();
    await r.push('/');
    let take: (() => void) | undefined;
    installHrmDeepLinks(r, api, (task) => (take = task));
    await flushPromises();
    expect(transport.callsTo('app.takeDeepLinks')).toHaveLength(0);
    expect(transport.listenerCount).toBeGreaterThan(0);
    take!();
    await flushPromises();
    expect(transport.callsTo('app.takeDeepLinks')).toHaveLength(1);
    expect(r.currentRoute.value.fullPath).toBe('/link/magic-link?token=m');
  });

  it('follows later app.deepLinkReceived events and app.navigationRequested (a notification or the tray)', async () => {
    const { api, transport } = useFakeApi({ 'app.takeDeepLinks': () => ok({ links: [] }) });
    const r = router();
    await r.push('/');
    const off = installHrmDeepLinks(r, api);
    await flushPromises();
    transport.emit('app.navigationRequested', { to: 'authenticator' });
    await flushPromises();
    expect(r.currentRoute.value.name).toBe('authenticator');
    transport.emit('app.deepLinkReceived', { path: 'magic-link', query: { token: 't' } });
    await flushPromises();
    expect(r.currentRoute.value.fullPath).toBe('/link/magic-link?token=t');
    off();
    expect(transport.listenerCount).toBe(0);
  });
});
