// @vitest-environment happy-dom
/// <reference lib="dom" />
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { PrepView, SessionView } from '@shared/contract';
import HrmHome from '../../../renderer/src/views/hrm/HrmHome.vue';
import PrepHomeEntry from '../../../renderer/src/views/hrm/preparation/PrepHomeEntry.vue';
import { createAppI18n } from '../../../renderer/src/i18n';
import { ok, useFakeApi } from './fake-transport';

type User = Extract<SessionView['state'], { step: 'signed-in' }>['user'];
const prepView: PrepView = {
  name: 'Maria',
  linked: false,
  linkedEmail: null,
  bannerVisible: false,
  suggestedEmails: [],
  pending: null,
  verificationRequired: true,
  connectLoginEnabled: false,
};

let wrapper: VueWrapper | null = null;
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
});

/** The home as HrmView composes it: preparation's banner and its entry in the row of links. */
async function mountHome(user: User, prepAvailable: boolean) {
  useFakeApi({
    'prep.getState': () => (prepAvailable ? ok(prepView) : { ok: false, error: { code: 'session.not-signed-in' } }),
  });
  const pinia = createPinia();
  // The session store starts from this view (pinia hydrates a store from state set before it exists).
  const view: SessionView = {
    server: { kind: 'embedded', url: null, configured: true },
    savedEmail: null,
    state: { step: 'signed-in', user, offerTwoFactor: false },
  };
  pinia.state.value.session = { view };
  const empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: ['hrm', 'hrm-admin', 'connect-account', 'hrm-account-settings'].map((name) => ({ path: `/${name}`, name, component: empty })),
  });
  await router.push('/hrm');
  const Home = defineComponent(
    () => () => h(HrmHome, null, { banner: () => h(PrepHomeEntry, { part: 'banner' }), links: () => h(PrepHomeEntry, { part: 'links' }) }),
  );
  wrapper = mount(Home, { attachTo: document.body, global: { plugins: [pinia, router, createAppI18n('en')] } });
  await flushPromises();
  return wrapper;
}

const linkNames = (nav: Element) => Array.from(nav.querySelectorAll('a')).map((a) => [a.textContent.trim(), a.getAttribute('href')]);

describe('HrmHome: one row of links', () => {
  it('a legacy admin: My Profile > Account settings and Administration in one named navigation', async () => {
    const w = await mountHome(
      { name: 'Maria', email: null, userId: 'maria', company: 'Företaget AB', method: 'legacy', role: 'admin' },
      true,
    );
    const navs = w.findAll('nav');
    expect(navs).toHaveLength(1);
    expect(navs[0]!.attributes('aria-label')).toBe('Your pages');
    expect(navs[0]!.text()).toContain('My Profile');
    expect(linkNames(navs[0]!.element)).toEqual([
      ['Account settings', '/hrm-account-settings'],
      ['Administration', '/hrm-admin'],
    ]);
  });

  it('a Connect employee without preparation: only the Visma Connect account link', async () => {
    const w = await mountHome(
      { name: 'Lena', email: 'lena@example.com', userId: null, company: 'Nordbolaget', method: 'connect', role: 'employee' },
      false,
    );
    const navs = w.findAll('nav');
    expect(navs).toHaveLength(1);
    expect(linkNames(navs[0]!.element).map(([, href]) => href)).toEqual(['/connect-account']);
  });
});
