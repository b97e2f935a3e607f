// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SelectAreaOverlay from '../../../renderer/src/views/authenticator/scan/SelectAreaOverlay.vue';
import { createAppI18n } from '../../../renderer/src/i18n';

const screens = [
  { index: 0, width: 3840, height: 2160, src: 'data:image/png;base64,AAAA' },
  { index: 1, width: 1000, height: 500, src: 'data:image/png;base64,AAAA' },
];

const AREA = '[role="group"][aria-label="Selected area of the screen picture"]';

function setup() {
  return mount(SelectAreaOverlay, {
    props: { screens, busy: false, error: null },
    global: { plugins: [createAppI18n('en')] },
    attachTo: document.body,
  });
}

describe('SelectAreaOverlay', () => {
  it('is keyboard-operable: arrows move the frame, Shift+arrows size it, Enter reads it in native pixels', async () => {
    const w = setup();
    const area = w.get(AREA);
    // The frame starts centred: 30 % .. 70 % of the picture.
    await area.trigger('keydown', { key: 'Enter' });
    expect(w.emitted('read')?.[0]).toEqual([{ screen: 0, x: 1152, y: 648, width: 1536, height: 864 }]);

    // Second screen; 10 steps right, then 5 steps of growing height (1 % each).
    await w
      .findAll('button')
      .find((b) => b.text() === 'Screen 2')!
      .trigger('click');
    for (let i = 0; i < 10; i++) await area.trigger('keydown', { key: 'ArrowRight' });
    for (let i = 0; i < 5; i++) await area.trigger('keydown', { key: 'ArrowDown', shiftKey: true });
    await area.trigger('keydown', { key: 'Enter' });
    expect(w.emitted('read')?.[1]).toEqual([{ screen: 1, x: 400, y: 150, width: 400, height: 225 }]);
    w.unmount();
  });

  it('keeps the frame inside the picture', async () => {
    const w = setup();
    const area = w.get(AREA);
    for (let i = 0; i < 80; i++) await area.trigger('keydown', { key: 'ArrowLeft' });
    for (let i = 0; i < 80; i++) await area.trigger('keydown', { key: 'ArrowUp', shiftKey: true });
    await area.trigger('keydown', { key: 'Enter' });
    const [region] = w.emitted('read')![0] as [{ x: number; y: number; width: number; height: number }];
    expect(region.x).toBe(0);
    expect(region.height).toBe(Math.round(0.01 * 2160));
    w.unmount();
  });

  it('Escape (the dialog cancel event) and the Cancel button cancel without reading', async () => {
    const w = setup();
    await w.get('dialog').trigger('cancel');
    await w
      .findAll('button')
      .find((b) => b.text() === 'Cancel')!
      .trigger('click');
    expect(w.emitted('cancel')).toHaveLength(2);
    expect(w.emitted('read')).toBeUndefined();
    w.unmount();
  });
});
