// @vitest-environment happy-dom
/// <reference lib="dom" />
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createTestingPinia } from '@pinia/testing';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AccountView } from '@shared/contract';
import AccountCard from '../../../renderer/src/views/authenticator/AccountCard.vue';
import ManualAccountForm from '../../../renderer/src/views/authenticator/ManualAccountForm.vue';
import AuthenticatorView from '../../../renderer/src/views/authenticator/AuthenticatorView.vue';
import { createAppI18n } from '../../../renderer/src/i18n';
import { useToastStore } from '../../../renderer/src/stores/toasts';
import { useVaultStore } from '../../../renderer/src/stores/vault';
import { useFakeApi } from './fake-transport';

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

function setup() {
  useFakeApi();
  const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { vault: { accounts: [github] } } });
  const empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'authenticator', component: empty },
      { path: '/add', name: 'authenticator-add', component: empty },
      { path: '/backup', name: 'authenticator-backup', component: empty },
    ],
  });
  return { pinia, router, plugins: [pinia, router, createAppI18n('en')] };
}

describe('AccountCard', () => {
  // Copying (through vault.copyCode) and HOTP are in account-card-daily.test.ts.
  it('shows the code grouped in a copy button named after the account, with the next code and the time left', () => {
    const { plugins } = setup();
    const wrapper = mount(AccountCard, { props: { account: github }, global: { plugins } });
    // Named by its content, digits first (axe label-content-name-mismatch: the name holds the visible text).
    const button = wrapper.get('button.code');
    expect(button.attributes('aria-label')).toBeUndefined();
    expect(button.text()).toMatch(/^123 456\s*Copy code for GitHub: anna@example.com$/);
    expect(wrapper.text()).toContain('Next: 654 321');
    expect(wrapper.text()).toMatch(/Changes in 1[12] s/);
    wrapper.unmount();
  });

  it('pins through the store and asks the parent before deleting', async () => {
    const { plugins } = setup();
    const vault = useVaultStore();
    vi.mocked(vault.setPinned).mockResolvedValue({ ok: true, value: { done: true } });
    const wrapper = mount(AccountCard, { props: { account: github }, global: { plugins } });
    const pin = wrapper.get('button[aria-label="Pin GitHub: anna@example.com to the top"]');
    expect(pin.attributes('aria-pressed')).toBe('false');
    expect(wrapper.get('button[aria-label="Edit GitHub: anna@example.com"]').attributes('aria-pressed')).toBeUndefined();
    await pin.trigger('click');
    await flushPromises();
    expect(vault.setPinned).toHaveBeenCalledWith(github.id, true);

    await wrapper.get('button[aria-label="Delete GitHub: anna@example.com"]').trigger('click');
    expect(wrapper.emitted('delete')).toEqual([[github]]);
    wrapper.unmount();
  });
});

describe('ManualAccountForm', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a vault error beside its field, wired to the input', async () => {
    const { plugins } = setup();
    const vault = useVaultStore();
    vi.mocked(vault.add).mockResolvedValue({ ok: false, error: { code: 'otp.secret-invalid-base32' } });
    const wrapper = mount(ManualAccountForm, { global: { plugins }, attachTo: document.body });
    await wrapper.get('#add-issuer').setValue('GitHub');
    await wrapper.get('#add-secret').setValue('not base32!');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(vault.add).toHaveBeenCalledWith(
      expect.objectContaining({ source: 'manual', issuer: 'GitHub', secret: 'not base32!', digits: 6, period: 30 }),
    );
    const secret = wrapper.get('#add-secret');
    expect(secret.attributes('aria-invalid')).toBe('true');
    expect(secret.attributes('aria-describedby')).toBe('add-secret-hint add-secret-error');
    expect(wrapper.get('#add-secret-error').text()).toBe(
      'The key may only contain the letters A–Z and the digits 2–7. Check that you copied it correctly.',
    );
    expect(document.activeElement).toBe(secret.element);
    expect(wrapper.get('#add-issuer').attributes('aria-invalid')).toBeUndefined();
    wrapper.unmount();
  });

  it('opens "Advanced" when the problem is there, and shows form-wide errors at the top', async () => {
    const { plugins } = setup();
    const vault = useVaultStore();
    vi.mocked(vault.add).mockResolvedValueOnce({ ok: false, error: { code: 'otp.invalid-period', params: { period: 0 } } });
    const wrapper = mount(ManualAccountForm, { global: { plugins }, attachTo: document.body });
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('details').attributes('open')).toBeDefined();
    expect(wrapper.get('#add-period-error').text()).toContain('1 to 3600');

    vi.mocked(vault.add).mockResolvedValueOnce({
      ok: false,
      error: { code: 'vault.duplicate-account', params: { issuer: 'GitHub', label: 'anna' } },
    });
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('The account was not added. You already have this account: GitHub: anna.');
    wrapper.unmount();
  });

  it('goes back to the list with a message once added', async () => {
    const { plugins, router } = setup();
    const vault = useVaultStore();
    vi.mocked(vault.add).mockResolvedValue({ ok: true, value: github });
    const push = vi.spyOn(router, 'push');
    const wrapper = mount(ManualAccountForm, { global: { plugins } });
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(useToastStore().success).toHaveBeenCalledWith('GitHub: anna@example.com is added.');
    expect(push).toHaveBeenCalledWith({ name: 'authenticator' });
    wrapper.unmount();
  });
});

describe('AuthenticatorView', () => {
  it('explains a locked keychain and tries again on request', async () => {
    const { plugins } = setup();
    const vault = useVaultStore();
    vault.$patch({ accounts: [], keychain: 'locked', status: 'ready' });
    const wrapper = mount(AuthenticatorView, { global: { plugins } });
    expect(vault.start).toHaveBeenCalled();
    expect(wrapper.get('h1').text()).toBe('Authenticator');
    expect(wrapper.get('#keychain-title').text()).toBe('The keychain is locked');
    expect(wrapper.text()).not.toContain('No accounts yet');
    const retry = wrapper.findAll('button').find((b) => b.text() === 'Try again');
    await retry?.trigger('click');
    expect(vault.load).toHaveBeenCalled();
    wrapper.unmount();
    expect(vault.stop).toHaveBeenCalled();
  });

  it('filters the accounts by the search text', async () => {
    const { plugins } = setup();
    const vault = useVaultStore();
    vault.$patch({ accounts: [github, { ...github, id: 'x', issuer: 'Fortnox', label: 'anna.s' }], status: 'ready' });
    const wrapper = mount(AuthenticatorView, { global: { plugins } });
    expect(wrapper.findAll('article')).toHaveLength(2);
    await wrapper.get('input[type="search"]').setValue('fort');
    expect(wrapper.findAll('article')).toHaveLength(1);
    await wrapper.get('input[type="search"]').setValue('nothing');
    expect(wrapper.text()).toContain('No accounts match “nothing”.');
    wrapper.unmount();
  });
});
