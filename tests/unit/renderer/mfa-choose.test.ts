// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { createPinia } from 'pinia';
import { flushPromises, mount } from '@vue/test-utils';
import type { Result } from '@shared/result';
import type { SessionView } from '@shared/contract';
import MfaChallenge from '../../../renderer/src/views/hrm/MfaChallenge.vue';
import { createAppI18n } from '../../../renderer/src/i18n';
import { useSessionStore } from '../../../renderer/src/stores/session';
import { ok, useFakeApi } from './fake-transport';

const mfaView = (method: 'totp' | 'emergency'): SessionView => ({
  server: { kind: 'embedded', url: null, configured: true },
  savedEmail: null,
  state: {
    step: 'mfa',
    email: 'lena@example.com',
    methods: ['totp', 'emergency'],
    method,
    maskedPhone: null,
    pushNumber: null,
    pushState: 'none',
  },
});

describe('"Try another way" at the 2FA step', () => {
  it('keeps the list of methods until main has switched, so a code is never typed into the old method', async () => {
    let answer: (r: Result<unknown>) => void = () => undefined;
    useFakeApi({ 'session.chooseMfa': () => new Promise((resolve) => (answer = resolve)) });
    const pinia = createPinia();
    const wrapper = mount(MfaChallenge, { global: { plugins: [pinia, createAppI18n('en')] }, attachTo: document.body });
    const session = useSessionStore();
    session.view = mfaView('totp');
    await flushPromises();

    const tryAnother = wrapper.findAll('button').find((b) => b.text() === 'Try another way');
    await tryAnother?.trigger('click');
    const emergency = wrapper.findAll('button').find((b) => b.text().includes('emergency'));
    expect(emergency).toBeDefined();
    await emergency?.trigger('click');
    await flushPromises();

    // Main has not answered yet: the old method's code field must not be on screen.
    expect(wrapper.text()).toContain('Choose how to verify');
    expect(wrapper.find('input').exists()).toBe(false);

    answer(ok(mfaView('emergency')));
    await flushPromises();
    expect(wrapper.text()).not.toContain('Choose how to verify');
    expect(wrapper.find('input').exists()).toBe(true);
    wrapper.unmount();
  });
});
