// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import ConfirmDialog from '../../../renderer/src/components/ConfirmDialog.vue';
import { createAppI18n } from '../../../renderer/src/i18n';

const props = { title: 'Delete GitHub?', text: 'Its codes are gone for good.', confirmLabel: 'Delete', danger: true };

/** The dialog in a parent that holds `open`, as the pages do. */
function mountConfirm() {
  const open = ref(false);
  const host = mount(defineComponent({ render: () => h(ConfirmDialog, { ...props, open: open.value }) }), {
    global: { plugins: [createAppI18n('en')] },
    attachTo: document.body,
  });
  const setOpen = async (value: boolean) => {
    open.value = value;
    await flushPromises();
  };
  return { host, dialog: host.findComponent(ConfirmDialog), setOpen };
}

describe('ConfirmDialog on the shared modal frame', () => {
  it('opens modal when told, named and described, with the focus on Cancel; closes when the parent says so', async () => {
    const { host: wrapper, setOpen } = mountConfirm();
    const dialog = wrapper.get('dialog').element as HTMLDialogElement;
    expect(dialog.open).toBe(false);
    await setOpen(true);
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe('confirm-title');
    expect(document.getElementById('confirm-title')?.textContent).toBe('Delete GitHub?');
    expect(dialog.getAttribute('aria-describedby')).toBe('confirm-text');
    expect(document.getElementById('confirm-text')?.textContent).toBe('Its codes are gone for good.');
    expect(document.activeElement?.textContent).toBe('Cancel');
    await setOpen(false);
    expect(dialog.open).toBe(false);
    wrapper.unmount();
  });

  it('wraps Tab inside, and Escape only asks the parent (the dialog stays open until `open` changes)', async () => {
    const { host: wrapper, dialog: confirmDialog, setOpen } = mountConfirm();
    await setOpen(true);
    const [cancel, confirm] = wrapper.findAll('button').map((b) => b.element);
    confirm!.focus();
    await wrapper.get('dialog').trigger('keydown', { key: 'Tab' });
    expect(document.activeElement).toBe(cancel);
    await wrapper.get('dialog').trigger('keydown', { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
    const escape = new Event('cancel', { cancelable: true });
    wrapper.get('dialog').element.dispatchEvent(escape);
    expect(escape.defaultPrevented).toBe(true);
    expect(confirmDialog.emitted('cancel')).toHaveLength(1);
    expect((wrapper.get('dialog').element as HTMLDialogElement).open).toBe(true);
    await wrapper.get('button.danger').trigger('click');
    expect(confirmDialog.emitted('confirm')).toHaveLength(1);
    wrapper.unmount();
  });
});
