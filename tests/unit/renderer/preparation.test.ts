// @vitest-environment happy-dom
/// <reference lib="dom" />
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { PrepView } from '@shared/contract';
import PrepPanel from '../../../renderer/src/views/hrm/preparation/PrepPanel.vue';
import { createAppI18n } from '../../../renderer/src/i18n';
import { ok, useFakeApi } from './fake-transport';

const EMAIL = 'anna.svensson@foretaget.se';
const unlinked: PrepView = {
  name: 'Anna Svensson',
  linked: false,
  linkedEmail: null,
  bannerVisible: true,
  suggestedEmails: [EMAIL, 'anna.svensson@gmail.com'],
  pending: null,
  verificationRequired: true,
  connectLoginEnabled: false,
};
const pending = { email: EMAIL, expiresAt: 1_900_000_000_000, attemptsLeft: 5, resendAvailableAt: 1_800_000_000_000 };

let wrapper: VueWrapper | null = null;
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
});

async function mountPanel(handlers: Parameters<typeof useFakeApi>[0]) {
  const { transport } = useFakeApi(handlers);
  const empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'hrm', component: empty },
      { path: '/forgot', name: 'hrm-forgot', component: empty },
    ],
  });
  await router.push('/');
  wrapper = mount(PrepPanel, { attachTo: document.body, global: { plugins: [createPinia(), router, createAppI18n('en')] } });
  await flushPromises();
  return { transport, router, w: wrapper };
}

describe('PrepPanel', () => {
  it('asks to sign in first when there is no HRM session', async () => {
    const { w } = await mountPanel({ 'prep.getState': () => ({ ok: false, error: { code: 'session.not-signed-in' } }) });
    // The error catalogue is loaded with the first error (off the start path): wait for it.
    await vi.waitFor(() => expect(w.text()).toContain('Sign in to Flex HRM first'));
    expect(w.find('[role="alert"]').exists()).toBe(false);
  });

  it('picks a suggestion, sends the code, moves focus to the code field, counts a wrong code, then is all set', async () => {
    let verifyCalls = 0;
    const { transport, w } = await mountPanel({
      'prep.getState': () => ok(unlinked),
      'prep.sendCode': () => ok({ status: 'code-sent', pending }),
      'prep.verifyCode': () =>
        ++verifyCalls === 1
          ? { ok: false, error: { code: 'prep.code-wrong', params: { attemptsLeft: 4 } } }
          : ok({ status: 'linked', email: EMAIL, accountCreated: true }),
    });
    expect(w.get('h2').text()).toBe('Enter your email address to get started.');
    const group = w.get('[role="group"]');
    expect(group.text()).toContain('Proposal:');
    await group.findAll('button')[0]?.trigger('click');
    expect((w.get('#prep-email').element as HTMLInputElement).value).toBe(EMAIL);
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(transport.callsTo('prep.sendCode')).toEqual([{ email: EMAIL }]);
    expect(w.get('h2').text()).toBe('Check your inbox');
    expect(w.text()).toContain(`An email has been sent to ${EMAIL} to verify your email address`);
    expect(document.activeElement?.id).toBe('prep-code');

    await w.get('#prep-code').setValue('123456');
    await w.get('.prep-code-form').trigger('submit');
    await flushPromises();
    expect(w.get('[role="alert"]').text()).toBe('Wrong code. Attempts left: 4.');
    expect(w.get('#prep-code').attributes('aria-invalid')).toBe('true');

    await w.get('.prep-code-form').trigger('submit');
    await flushPromises();
    expect(w.get('h2').text()).toBe("You're all set!");
    expect(document.activeElement?.textContent).toBe("You're all set!");
    expect((w.get('#prep-linked-email').element as HTMLInputElement).value).toBe(EMAIL);
  });

  it('links at once where the company skips verification; "Manage your account" falls back to Forgot password', async () => {
    const { router, w } = await mountPanel({
      'prep.getState': () => ok({ ...unlinked, verificationRequired: false }),
      'prep.sendCode': (p) => ok({ status: 'linked', email: (p as { email: string }).email, accountCreated: true }),
    });
    await w.get('#prep-email').setValue('per.lind@lillabolaget.se');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.get('h2').text()).toBe("You're all set!");
    expect(w.text()).not.toContain('Check your inbox');
    await w
      .findAll('button')
      .find((b) => b.text() === 'Manage your account')
      ?.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('hrm-forgot');
    expect(router.currentRoute.value.query.email).toBe('per.lind@lillabolaget.se');
  });

  it('shows the linked state on a later visit', async () => {
    const { w } = await mountPanel({ 'prep.getState': () => ok({ ...unlinked, linked: true, linkedEmail: EMAIL, bannerVisible: false }) });
    expect(w.get('h2').text()).toBe('Your user is linked to Visma Connect');
    expect(w.find('#prep-email').exists()).toBe(false);
  });
});
