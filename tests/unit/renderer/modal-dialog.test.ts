// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ConfirmDialog from '../../../renderer/src/components/ConfirmDialog.vue';
import { createAppI18n } from '../../../renderer/src/i18n';

const props = { open: false, title: 'Delete GitHub?', text: 'Its codes are gone for good.', confirmLabel: 'Delete', danger: true };

function mountConfirm() {
  return mount(ConfirmDialog, { props, global: { plugins: [createAppI18n('en')] }, attachTo: document.body });
}

describe('ConfirmDialog on the shared modal frame', () => {
  it('opens modal when told, named and described, with the focus on Cancel; closes when the parent says so', async () => {
    const wrapper = mountConfirm();
    const dialog = wrapper.get('dialog').element as HTMLDialogElement;
    expect(dialog.open).toBe(false);
    await wrapper.setProps({ open: true });
    await flushPromises();
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe('confirm-title');
    expect(document.getElementById('confirm-title')?.textContent).toBe('Delete GitHub?');
    expect(dialog.getAttribute('aria-describedby')).toBe('confirm-text');
    expect(document.getElementById('confirm-text')?.textContent).toBe('Its codes are gone for good.');
    expect(document.activeElement?.textContent).toBe('Cancel');
    await wrapper.setProps({ open: false });
    await flushPromises();
    expect(dialog.open).toBe(false);
    wrapper.unmount();
  });

  it('wraps Tab inside, and Escape only asks the parent (the dialog stays open until `open` changes)', async () => {
    const wrapper = mountConfirm();
    await wrapper.setProps({ open: true });
    await flushPromises();
    const [cancel, confirm] = wrapper.findAll('button').map((b) => b.element);
    confirm!.focus();
    await wrapper.get('dialog').trigger('keydown', { key: 'Tab' });
    expect(document.activeElement).toBe(cancel);
    await wrapper.get('dialog').trigger('keydown', { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
    const escape = new Event('cancel', { cancelable: true });
    wrapper.get('dialog').element.dispatchEvent(escape);
    expect(escape.defaultPrevented).toBe(true);
    expect(wrapper.emitted('cancel')).toHaveLength(1);
    expect((wrapper.get('dialog').element as HTMLDialogElement).open).toBe(true);
    await wrapper.get('button.danger').trigger('click');
    expect(wrapper.emitted('confirm')).toHaveLength(1);
    wrapper.unmount();
  });
});
