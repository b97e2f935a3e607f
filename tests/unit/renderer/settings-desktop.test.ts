// @vitest-environment happy-dom
/// <reference lib="dom" />
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { AppInfo, Settings, UpdateState } from '@shared/contract';
import AboutSection from '../../../renderer/src/views/settings/AboutSection.vue';
import ClipboardSetting from '../../../renderer/src/views/settings/ClipboardSetting.vue';
import DesktopSetting from '../../../renderer/src/views/settings/DesktopSetting.vue';
import { createAppI18n } from '../../../renderer/src/i18n';
import { useAppStore } from '../../../renderer/src/stores/app';
import { useToastStore } from '../../../renderer/src/stores/toasts';
import { ok, useFakeApi } from './fake-transport';

const info: AppInfo = {
  name: 'Flex HRM Connect',
  version: '0.1.0',
  platform: 'linux',
  host: 'electron',
  systemLocale: 'en',
  screenCapture: 'main',
};

function setup(update: UpdateState, restart = () => ok({ done: true }) as never) {
  let settings: Settings = { language: 'system', clearClipboard: true, closeToTray: true, startAtLogin: false };
  const api = useFakeApi({
    'app.getInfo': () => ok(info),
    'settings.getSettings': () => ok(settings),
    'settings.updateSettings': (p) => ok((settings = { ...settings, ...(p as Partial<Settings>) })),
    'app.getUpdateState': () => ok(update),
    'app.getDiagnostics': () =>
      ok({ logFolder: '/home/anna/.config/Flex HRM Connect/logs', text: 'Flex HRM Connect diagnostics\napp: 0.1.0' }),
    'app.restartToUpdate': restart,
  });
  return { ...api, settings: () => settings };
}

describe('Settings > About (desktop)', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('shows the log folder and copies the diagnostics', async () => {
    setup({ state: 'idle' });
    await useAppStore().init();
    const writeText = vi.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const wrapper = mount(AboutSection, { global: { plugins: [createAppI18n('en')] } });
    await flushPromises();
    expect(wrapper.get('[data-testid="log-folder"]').text()).toBe('/home/anna/.config/Flex HRM Connect/logs');
    expect(wrapper.text()).toContain('The app is up to date.');
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Copy diagnostics']);
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('app: 0.1.0'));
    expect(useToastStore().toasts.at(-1)?.text).toContain('The diagnostics are copied');
  });

  it('"Restart to update" once an update is ready; a refusal while an approval is open is said in Swedish', async () => {
    const restart = vi.fn(() => ({ ok: false, error: { code: 'update.busy' } }) as never);
    const { transport } = setup({ state: 'downloading', version: '0.2.0' }, restart);
    await useAppStore().init();
    const wrapper = mount(AboutSection, { global: { plugins: [createAppI18n('sv')] } });
    await flushPromises();
    expect(wrapper.text()).toContain('Laddar ned version 0.2.0');
    transport.emit('app.updateChanged', { state: 'ready', version: '0.2.0' });
    await flushPromises();
    const button = wrapper.findAll('button').find((b) => b.text() === 'Starta om och uppdatera')!;
    await button.trigger('click');
    await flushPromises();
    expect(restart).toHaveBeenCalled();
    // The error catalogue loads with the first error (a dynamic import).
    await vi.waitFor(() =>
      expect(useToastStore().toasts.at(-1)).toMatchObject({ kind: 'error', text: expect.stringContaining('QR-skanningen') as unknown }),
    );
  });
});

describe('Settings > Desktop app', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('two labelled switches saved through settings.updateSettings: close to tray (on) and start at login (off)', async () => {
    const { settings } = setup({ state: 'off' });
    await useAppStore().init();
    const wrapper = mount(DesktopSetting, { global: { plugins: [createAppI18n('en')] } });
    const boxes = wrapper.findAll('input[type="checkbox"]');
    expect(boxes.map((b) => [b.element.closest('label')!.textContent.trim(), (b.element as HTMLInputElement).checked])).toEqual([
      ['Keep the app in the tray when the window is closed', true],
      ['Start when I sign in to the computer', false],
    ]);
    (boxes[1]!.element as HTMLInputElement).checked = true;
    await boxes[1]!.trigger('change');
    await flushPromises();
    expect(settings()).toMatchObject({ startAtLogin: true, closeToTray: true });
  });
});

describe('Settings > Clipboard', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('a switch described by its hint; turning it off is saved and said', async () => {
    const { settings } = setup({ state: 'off' });
    await useAppStore().init();
    const wrapper = mount(ClipboardSetting, { global: { plugins: [createAppI18n('en')] }, attachTo: document.body });
    const box = wrapper.get('input[type="checkbox"]');
    expect((box.element as HTMLInputElement).checked).toBe(true);
    expect(box.element.closest('label')!.textContent.trim()).toBe('Clear the clipboard after copying');
    const hint = document.getElementById(box.attributes('aria-describedby')!);
    expect(hint?.textContent).toContain('removed from the clipboard after 30 seconds');
    (box.element as HTMLInputElement).checked = false;
    await box.trigger('change');
    await flushPromises();
    expect(settings()).toMatchObject({ clearClipboard: false });
    expect(useToastStore().toasts.at(-1)).toMatchObject({ kind: 'success', text: 'Copied codes stay on the clipboard.' });
    wrapper.unmount();
  });
});
