// @vitest-environment happy-dom
/// <reference lib="dom" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { AccountView } from '@shared/contract';
import AccountCard from '../../../renderer/src/views/authenticator/AccountCard.vue';
import { createAppI18n } from '../../../renderer/src/i18n';
import { useToastStore } from '../../../renderer/src/stores/toasts';
import { useVaultStore } from '../../../renderer/src/stores/vault';
import { ok, useFakeApi, type FakeHandlers } from './fake-transport';

const github: AccountView = {
  id: '0b6f3c9e-1d2a-4c5b-9e8f-7a6b5c4d3e2f',
  type: 'totp',
  issuer: 'GitHub',
  label: 'anna@example.com',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: null,
  pinned: false,
  position: 0,
  groups: [],
  lastUsedAt: null,
  code: '123456',
  nextCode: '654321',
  validUntil: Date.now() + 12_000,
};
const bank: AccountView = {
  ...github,
  id: '1c7a4d0f-2e3b-4d6c-8f90-8b7c6d5e4f30',
  type: 'hotp',
  issuer: 'Bank',
  counter: 4,
  code: '111111',
  nextCode: null,
  validUntil: null,
};

/** The card with the real vault store on a fake transport: what the card asks main for, and what it shows. */
function mountCard(account: AccountView, handlers: FakeHandlers) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const { transport } = useFakeApi(handlers);
  const vault = useVaultStore();
  vault.accounts = [account];
  const toasts = useToastStore();
  vi.spyOn(toasts, 'success');
  vi.spyOn(toasts, 'error');
  const global = { plugins: [pinia, createAppI18n('en')], stubs: { RouterLink: true } };
  const wrapper = mount(AccountCard, { props: { account }, global });
  return { wrapper, transport, vault, toasts, global };
}

describe('AccountCard: copy', () => {
  const writeText = vi.fn<(text: string) => Promise<void>>();
  const readText = vi.fn<() => Promise<string>>();
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    writeText.mockReset().mockResolvedValue(undefined);
    readText.mockReset();
    Object.defineProperty((globalThis as unknown as { navigator: object }).navigator, 'clipboard', {
      value: { writeText, readText },
      configurable: true,
    });
  });
  afterEach(() => vi.useRealTimers());

  it('in Electron leaves the clipboard to main and says when it is cleared', async () => {
    const { wrapper, transport, toasts } = mountCard(github, {
      'vault.copyCode': () => ok({ by: 'main', code: '123456', clearsAt: Date.now() + 30_000 }),
    });
    await wrapper.get('button.code').trigger('click');
    await flushPromises();
    expect(transport.callsTo('vault.copyCode')).toEqual([{ id: github.id }]);
    expect(writeText).not.toHaveBeenCalled();
    expect(toasts.success).toHaveBeenCalledWith('Code for GitHub: anna@example.com copied. The clipboard is cleared in 30 seconds.');
    wrapper.unmount();
  });

  it('in the browser host writes the code itself and clears it after 30 s only if it is still there', async () => {
    const { wrapper } = mountCard(github, { 'vault.copyCode': () => ok({ by: 'renderer', code: '123457', clearAfterMs: 30_000 }) });
    const button = wrapper.get('button.code');
    await button.trigger('click');
    await flushPromises();
    // The code main computed just now (it may have moved on since the list was loaded).
    expect(writeText).toHaveBeenCalledWith('123457');
    readText.mockResolvedValue('123457');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(writeText).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(writeText).toHaveBeenLastCalledWith('');

    // Copied again, then the user copies something else: that is left alone.
    await button.trigger('click');
    await flushPromises();
    readText.mockResolvedValue('my own text');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(writeText).toHaveBeenLastCalledWith('123457');
    wrapper.unmount();
  });

  it('does not promise clearing when the setting is off, and says so when the clipboard refuses', async () => {
    const { wrapper, toasts } = mountCard(github, { 'vault.copyCode': () => ok({ by: 'renderer', code: '123456', clearAfterMs: null }) });
    await wrapper.get('button.code').trigger('click');
    await flushPromises();
    expect(toasts.success).toHaveBeenCalledWith('Code for GitHub: anna@example.com copied.');
    writeText.mockRejectedValue(new Error('denied'));
    await wrapper.get('button.code').trigger('click');
    await flushPromises();
    expect(toasts.error).toHaveBeenCalledWith('The code could not be copied. Select it and copy it yourself.');
    wrapper.unmount();
  });
});

describe('AccountCard: HOTP', () => {
  it('shows the counter and no countdown; "Next code" asks main and shows the new code and counter', async () => {
    const { wrapper, transport, vault, global } = mountCard(bank, {
      'vault.advanceHotpCounter': () => ok({ account: { ...bank, counter: 5, code: '222222' } }),
    });
    expect(wrapper.text()).toContain('Counter: 4');
    expect(wrapper.text()).not.toMatch(/Changes in/);
    await wrapper.get('button[aria-label="Next code for Bank: anna@example.com"]').trigger('click');
    await flushPromises();
    expect(transport.callsTo('vault.advanceHotpCounter')).toEqual([{ id: bank.id }]);
    expect(vault.accounts[0]).toMatchObject({ counter: 5, code: '222222' });
    wrapper.unmount();
    // The list passes the store's account to its card: the new code and counter show.
    const updated = mount(AccountCard, { props: { account: vault.accounts[0]! }, global });
    expect(updated.text()).toContain('Counter: 5');
    expect(updated.get('button.code').text()).toContain('222 222');
    updated.unmount();
  });
});
