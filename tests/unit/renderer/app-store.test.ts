// @vitest-environment happy-dom
/// <reference lib="dom" />
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { AppInfo, Settings } from '@shared/contract';
import { useAppStore } from '../../../renderer/src/stores/app';
import { ok, useFakeApi } from './fake-transport';

const info: AppInfo = {
  name: 'Flex HRM Connect',
  version: '1.2.3',
  platform: 'linux',
  host: 'browser-host',
  systemLocale: 'sv',
  screenCapture: 'renderer',
};

describe('app store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('follows the system language while the setting is "system"', async () => {
    useFakeApi({ 'app.getInfo': () => ok(info), 'settings.getSettings': () => ok({ language: 'system' }) });
    const app = useAppStore();
    expect(app.locale).toBe('en');
    await app.init();
    expect(app.ready).toBe(true);
    expect(app.info?.version).toBe('1.2.3');
    expect(app.locale).toBe('sv');
  });

  it('saves a chosen language through settings.update and uses it at once', async () => {
    let saved: Settings = { language: 'system', clearClipboard: true, closeToTray: true, startAtLogin: false };
    const { transport } = useFakeApi({
      'app.getInfo': () => ok(info),
      'settings.getSettings': () => ok(saved),
      'settings.updateSettings': (p) => {
        saved = { ...saved, ...(p as Partial<Settings>) };
        return ok(saved);
      },
    });
    const app = useAppStore();
    await app.init();
    const pending = app.setLanguage('en');
    expect(app.locale).toBe('en');
    expect(await pending).toEqual({ ok: true, value: { language: 'en', clearClipboard: true, closeToTray: true, startAtLogin: false } });
    expect(transport.callsTo('settings.updateSettings')).toEqual([{ language: 'en' }]);
    expect(saved.language).toBe('en');
  });

  it('puts the language back when it cannot be saved', async () => {
    useFakeApi({
      'app.getInfo': () => ok(info),
      'settings.getSettings': () => ok({ language: 'sv' }),
      'settings.updateSettings': () => ({ ok: false, error: { code: 'internal' } }),
    });
    const app = useAppStore();
    await app.init();
    expect(await app.setLanguage('en')).toEqual({ ok: false, error: { code: 'internal' } });
    expect(app.settings.language).toBe('sv');
    expect(app.locale).toBe('sv');
  });

  it('starts in English with the error kept when main cannot be reached', async () => {
    useFakeApi({});
    const app = useAppStore();
    await app.init();
    expect(app.ready).toBe(true);
    expect(app.error).toEqual({ code: 'ipc.unknown-channel' });
    expect(app.locale).toBe('en');
  });
});
