import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '@shared/contract';
import { createAppCore, type AppCore } from '../../../electron/core/app-core';
import { migrate } from '../../../electron/core/db/migrations';
import { appMigrations } from '../../../electron/core/db/app-migrations';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { AppSettings } from '../../../electron/core/settings/app-settings';
import { SettingsStore } from '../../../electron/core/settings/settings-store';

const info: AppInfo = { name: 'x', version: '0', platform: 'linux', host: 'electron', systemLocale: 'en', screenCapture: 'none' };

describe('settings.updateSettings and settings.getSettings (issue 10, item 8)', () => {
  let core: AppCore | null = null;
  let dir = '';
  afterEach(() => {
    core?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('{ language: undefined } (kept by Electron IPC) does not wipe the settings: clipboard clearing stays off', async () => {
    dir = mkdtempSync(join(tmpdir(), 'flex-settings-'));
    core = await createAppCore({ dataDir: dir, secretStore: new MemorySecretStore(), info });
    expect(await core.dispatch('settings.updateSettings', { clearClipboard: false, language: 'sv' })).toEqual({
      ok: true,
      value: { language: 'sv', clearClipboard: false, closeToTray: true, startAtLogin: false },
    });
    // What an Electron renderer sends for `update({ language: maybe })` when `maybe` is undefined.
    expect(await core.dispatch('settings.updateSettings', { language: undefined })).toEqual({
      ok: true,
      value: { language: 'sv', clearClipboard: false, closeToTray: true, startAtLogin: false },
    });
    expect(await core.dispatch('settings.updateSettings', { language: undefined, clearClipboard: true })).toEqual({
      ok: true,
      value: { language: 'sv', clearClipboard: true, closeToTray: true, startAtLogin: false },
    });
    expect(await core.dispatch('settings.getSettings', {})).toEqual({
      ok: true,
      value: { language: 'sv', clearClipboard: true, closeToTray: true, startAtLogin: false },
    });
  });
});

describe('AppSettings', () => {
  function store() {
    const db = new Database(':memory:');
    migrate(db, appMigrations);
    return { db, settings: new AppSettings(new SettingsStore(db)) };
  }
  const put = (db: Database.Database, value: string) =>
    db.prepare("INSERT INTO settings (key, value) VALUES ('app', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(value);

  it('reads each stored field on its own: one bad field falls back alone instead of resetting the others', () => {
    const { db, settings } = store();
    put(db, JSON.stringify({ language: 'klingon', clearClipboard: false }));
    expect(settings.read()).toEqual({ language: 'system', clearClipboard: false, closeToTray: true, startAtLogin: false });
    put(db, JSON.stringify({ language: 'en', clearClipboard: 'yes' }));
    expect(settings.read()).toEqual({ language: 'en', clearClipboard: true, closeToTray: true, startAtLogin: false });
    put(db, JSON.stringify({ clearClipboard: false }));
    expect(settings.read()).toEqual({ language: 'system', clearClipboard: false, closeToTray: true, startAtLogin: false });
  });

  it('falls back to the defaults for a row that is not an object or not JSON', () => {
    const { db, settings } = store();
    for (const bad of ['not json', '[1,2]', 'null', '"sv"']) {
      put(db, bad);
      expect(settings.read()).toEqual({ language: 'system', clearClipboard: true, closeToTray: true, startAtLogin: false });
    }
  });

  it('an update with only undefined keys writes nothing new and answers the stored settings', () => {
    const { settings } = store();
    settings.update({ clearClipboard: false });
    expect(settings.update({ language: undefined, clearClipboard: undefined })).toEqual({
      language: 'system',
      clearClipboard: false,
      closeToTray: true,
      startAtLogin: false,
    });
    expect(settings.read()).toEqual({ language: 'system', clearClipboard: false, closeToTray: true, startAtLogin: false });
  });
});
