// @vitest-environment happy-dom
/// <reference lib="dom" />
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createTestingPinia } from '@pinia/testing';
import type { AccountView } from '@shared/contract';
import AccountList from '../../../renderer/src/views/authenticator/AccountList.vue';
import { createAppI18n } from '../../../renderer/src/i18n';
import { useFakeApi } from './fake-transport';
import { accountView } from '../support/account-view';

const account = (i: number): AccountView =>
  accountView({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    issuer: `Service ${i}`,
    label: `user${i}@example.com`,
    position: i,
    code: String(100000 + i),
    nextCode: String(200000 + i),
  });

afterEach(() => vi.useRealTimers());

/**
 * The list's geometry as a browser lays it out (happy-dom lays out nothing): three columns of
 * 222 px rows from 300 px down the page, moved up by `scrolled`.
 */
let scrolled = 0;
function layOut(): void {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const parent = this.parentElement;
    const i = this.tagName === 'LI' && parent ? Array.prototype.indexOf.call(parent.children, this) : 0;
    const top = 300 + Math.floor(i / 3) * 222 - scrolled;
    return { top, bottom: top + 206, left: 0, right: 320, width: 320, height: 206, x: 0, y: top, toJSON: () => ({}) };
  });
}

function mountList(accounts: AccountView[]) {
  useFakeApi();
  const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { vault: { accounts } } });
  return mount(AccountList, {
    props: { accounts },
    attachTo: document.body,
    global: { plugins: [pinia, createAppI18n('en')], stubs: { RouterLink: true } },
  });
}

describe('AccountList with many accounts (issue 16)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    scrolled = 0;
  });

  it('renders only the cards that fit in the window at first; every account follows as a named entry, and becomes a card as it nears the screen', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('innerWidth', 1280);
    vi.stubGlobal('innerHeight', 800);
    layOut();
    const accounts = Array.from({ length: 300 }, (_, i) => account(i));
    const wrapper = mountList(accounts);
    const cards = () => wrapper.findAll('article.account');
    // 1,280 x 800: three columns of four rows. Was: 30 full cards, and then all 300.
    expect(cards().length).toBe(12);
    expect(wrapper.findAll('li').length).toBe(12);
    expect(cards()[0]!.text()).toContain('Service 0');
    // The rest arrive when the page is idle (here: a task), a batch at a time, as light entries;
    // those within 400 px of the window's bottom edge (rows down to 1,200 px) become cards.
    for (let i = 0; i < 20 && wrapper.findAll('li').length < 300; i++) await vi.advanceTimersByTimeAsync(20);
    await vi.advanceTimersByTimeAsync(20); // the frame after the last batch
    const items = wrapper.findAll('li');
    expect(items.length).toBe(300);
    expect(cards().length).toBe(15);
    // Each entry is named as its card will be, for screen readers.
    const entry = items[200]!.find('article');
    expect(entry.attributes('aria-labelledby')).toBe(`entry-${account(200).id}`);
    expect(entry.find(`#entry-${account(200).id}`).text()).toBe('Service 200');
    expect(entry.text()).toContain('user200@example.com');
    expect(entry.find('button').exists()).toBe(false);
    // Scrolled down to it: the entries near the screen become full cards (code, buttons), and stay so.
    scrolled = 300 + 66 * 222;
    globalThis.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(20);
    expect(items[200]!.find('article.account').text()).toContain('100 200');
    expect(items[200]!.find('button').exists()).toBe(true);
    expect(items[170]!.find('article.account').exists()).toBe(false);
    const after = cards().length;
    scrolled = 0;
    globalThis.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(20);
    expect(items[200]!.find('article.account').exists()).toBe(true);
    expect(cards().length).toBe(after);
    wrapper.unmount();
  });

  it('a short list renders whole at once', () => {
    const accounts = Array.from({ length: 5 }, (_, i) => account(i));
    const wrapper = mountList(accounts);
    expect(wrapper.findAll('article.account').length).toBe(5);
    wrapper.unmount();
  });
});
