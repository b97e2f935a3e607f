// @vitest-environment happy-dom
/// <reference lib="dom" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { PushRequestView } from '@shared/contract';
import PushPrompt from '../../../renderer/src/views/authenticator/PushPrompt.vue';
import { createAppI18n } from '../../../renderer/src/i18n';
import { usePushRequestsStore } from '../../../renderer/src/stores/push-requests';
import { ok, useFakeApi } from './fake-transport';

const NOW = Date.UTC(2026, 11, 1, 9, 30);
const request: PushRequestView = {
  id: 'push-1',
  email: 'karin.nordin@nordbolaget.se',
  app: 'Flex HRM',
  choices: ['17', '42', '80'],
  createdAt: NOW - 10_000,
  expiresAt: NOW + 110_000,
  location: { device: 'Windows 11 PC', browser: 'Edge 142', country: 'Sweden', ip: '192.0.2.7' },
};

function mountPrompt(requests: PushRequestView[] = [request]) {
  setActivePinia(createPinia());
  const fake = useFakeApi({
    'push.listPending': () => ok({ requests, generatedAt: Date.now() }),
    'push.answerRequest': () => ok({ done: true }),
  });
  const wrapper = mount(PushPrompt, { global: { plugins: [createAppI18n('en')] }, attachTo: document.body });
  return { ...fake, wrapper, store: usePushRequestsStore() };
}

describe('PushPrompt', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('says who signs in to what, from where, and the time left', async () => {
    const { wrapper } = mountPrompt();
    await flushPromises();
    const text = wrapper.text();
    expect(text).toContain('karin.nordin@nordbolaget.se is signing in to Flex HRM.');
    expect(text).toContain('From Edge 142 on Windows 11 PC, Sweden (IP address 192.0.2.7)');
    expect(text).toContain('Expires in 1:50');
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined();
    wrapper.unmount();
  });

  it('a typed number picks its choice and Enter approves with it', async () => {
    const { wrapper, transport } = mountPrompt();
    await flushPromises();
    const input = wrapper.get('input[type="text"]');
    await input.setValue('4x2');
    expect((input.element as HTMLInputElement).value).toBe('42');
    expect((wrapper.get('input[value="42"]').element as HTMLInputElement).checked).toBe(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(transport.callsTo('push.answerRequest')).toEqual([{ id: 'push-1', approve: true, number: '42' }]);
    wrapper.unmount();
  });

  it('shows the request as expired when its time is up, and a notice when main says it expired', async () => {
    const { wrapper, transport } = mountPrompt();
    await flushPromises();
    vi.setSystemTime(NOW + 111_000);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(wrapper.text()).toContain('Expired');
    expect(wrapper.get('button.deny').attributes('disabled')).toBeDefined();
    transport.emit('push.requestResolved', { id: 'push-1', state: 'expired' });
    await flushPromises();
    expect(wrapper.find('article').exists()).toBe(false);
    expect(wrapper.get('[role="status"]').text()).toContain(
      'The sign-in request for karin.nordin@nordbolaget.se expired before it was answered.',
    );
    wrapper.unmount();
  });
});
