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

describe('AccountList with many accounts (issue 16)', () => {
  it('renders a first screenful at once and every card after a few tasks, in order', async () => {
    vi.useFakeTimers();
    useFakeApi();
    const accounts = Array.from({ length: 200 }, (_, i) => account(i));
    const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { vault: { accounts } } });
    const wrapper = mount(AccountList, {
      props: { accounts },
      global: { plugins: [pinia, createAppI18n('en')], stubs: { RouterLink: true } },
    });
    const cards = () => wrapper.findAll('article.account');
    // Was: all 200 cards in the first commit (one long task with 1,000 accounts).
    expect(cards().length).toBe(30);
    expect(cards()[0]!.text()).toContain('Service 0');
    // The countdowns' shared clock ticks forever: step the batches one task at a time.
    for (let i = 0; i < 10 && cards().length < 200; i++) await vi.advanceTimersByTimeAsync(1);
    expect(cards().length).toBe(200);
    expect(cards()[199]!.text()).toContain('Service 199');
    wrapper.unmount();
  });

  it('a short list renders whole at once', () => {
    useFakeApi();
    const accounts = Array.from({ length: 5 }, (_, i) => account(i));
    const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { vault: { accounts } } });
    const wrapper = mount(AccountList, {
      props: { accounts },
      global: { plugins: [pinia, createAppI18n('en')], stubs: { RouterLink: true } },
    });
    expect(wrapper.findAll('article.account').length).toBe(5);
    wrapper.unmount();
  });
});
