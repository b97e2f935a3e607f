// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createTestingPinia } from '@pinia/testing';
import HrmField from '../../../renderer/src/views/hrm/HrmField.vue';
import LegacySignIn from '../../../renderer/src/views/hrm/LegacySignIn.vue';
import { createAppI18n } from '../../../renderer/src/i18n';
import { useSessionStore } from '../../../renderer/src/stores/session';
import { useFakeApi } from './fake-transport';

function mountLegacy() {
  useFakeApi();
  const pinia = createTestingPinia({ createSpy: vi.fn });
  return mount(LegacySignIn, { global: { plugins: [pinia, createAppI18n('en')] }, attachTo: document.body });
}

describe('the HRM sign-in fields (HrmField) and the message above them (ErrorNote)', () => {
  it('names an empty field above the form, marks and focuses that field, and signs in once both are filled', async () => {
    const wrapper = mountLegacy();
    const session = useSessionStore();
    vi.mocked(session.legacySignIn).mockResolvedValue(null);
    const user = wrapper.get('#legacy-user');
    const password = wrapper.get('#legacy-password');
    expect(wrapper.get('label[for="legacy-user"]').text()).toBe('User ID');
    expect(password.attributes('type')).toBe('password');
    expect(password.attributes('autocomplete')).toBe('current-password');
    expect(user.attributes('aria-describedby')).toBe('legacy-error');
    expect(wrapper.find('#legacy-error').exists()).toBe(false);

    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('#legacy-error').text()).toBe('Enter your user ID.');
    expect(wrapper.get('#legacy-error').attributes('role')).toBe('alert');
    expect(wrapper.get('#legacy-error').attributes('data-code')).toBeUndefined();
    expect(user.attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(user.element);

    await user.setValue('anna');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('#legacy-error').text()).toBe('Enter your password.');
    expect(user.attributes('aria-invalid')).toBeUndefined();
    expect(password.attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(password.element);

    await password.setValue('Demo1234!');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(session.legacySignIn).toHaveBeenCalledWith('anna', 'Demo1234!');
    // Refused: the password is emptied, and the server's error takes the place above the fields.
    expect((password.element as HTMLInputElement).value).toBe('');
    session.error = { code: 'session.invalid-credentials' };
    await flushPromises();
    expect(wrapper.get('#legacy-error').attributes('data-code')).toBe('session.invalid-credentials');
    expect(wrapper.get('#legacy-error').text()).not.toBe('');
    wrapper.unmount();
  });

  it('passes changed attributes on to its input (the MFA code field: 6 digits, then a 29-character emergency code)', async () => {
    const emergency = ref(false);
    const code = ref('');
    const wrapper = mount(
      defineComponent({
        render: () =>
          h(HrmField, {
            id: 'mfa-code',
            label: 'Code',
            class: 'wide',
            modelValue: code.value,
            'onUpdate:modelValue': (v: string) => (code.value = v),
            maxlength: emergency.value ? 29 : 6,
            inputmode: emergency.value ? 'text' : 'numeric',
          }),
      }),
    );
    expect(wrapper.get('input').attributes('maxlength')).toBe('6');
    emergency.value = true;
    await flushPromises();
    expect(wrapper.get('input').attributes('maxlength')).toBe('29');
    expect(wrapper.get('input').attributes('inputmode')).toBe('text');
    expect(wrapper.get('.hrm-field').classes()).toContain('wide');
    expect(wrapper.get('input').classes()).not.toContain('wide');
    await wrapper.get('input').setValue('ABCD-EFGH');
    expect(code.value).toBe('ABCD-EFGH');
    wrapper.unmount();
  });
});
