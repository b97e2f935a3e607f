import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo, UpdateState } from '@shared/contract';
import { desktopEn } from '@shared/i18n/desktop/en';
import { desktopSv } from '@shared/i18n/desktop/sv';
import { createAppCore, type AppCore } from '../../electron/core/app-core';
import type { DesktopPort } from '../../electron/core/ipc/desktop-handlers';
import { MemorySecretStore } from '../../electron/core/secrets/memory-secret-store';
import { diagnosticsText } from '../../electron/main/diagnostics';
import { textsFor } from '../../electron/main/texts';

vi.mock('electron', () => ({}));

const info: AppInfo = {
  name: 'Flex HRM Connect',
  version: '0.1.0',
  platform: 'linux',
  host: 'electron',
  systemLocale: 'sv',
  screenCapture: 'none',
};
let dir: string;
let core: AppCore | undefined;
afterEach(() => {
  core?.close();
  core = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function port(update: UpdateState): DesktopPort & { restarts: number; changed: unknown[] } {
  const p = {
    restarts: 0,
    changed: [] as unknown[],
    diagnostics: () => ({ logFolder: '/logs', text: 'diag' }),
    updateState: () => update,
    restartToUpdate: () => {
      p.restarts++;
    },
    takeDeepLinks: () => [{ path: 'reset-password', query: { token: 't' } }],
    settingsChanged: (s: unknown) => void p.changed.push(s),
  };
  return p;
}

async function start(desktop?: DesktopPort) {
  dir = mkdtempSync(join(tmpdir(), 'flex-desk-'));
  core = await createAppCore({ dataDir: dir, secretStore: new MemorySecretStore(), info, ...(desktop ? { desktop } : {}) });
  return core;
}

describe('app.* channels through the contract', () => {
  it('Restart to update: refused while a QR capture is open or nothing is ready; allowed otherwise', async () => {
    const desktop = port({ state: 'ready', version: '0.2.0' });
    const c = await start(desktop);
    const scan = c.scan as unknown as { pending: unknown };
    scan.pending = { id: 'x', frames: [], expiresAt: Date.now() + 60_000 };
    expect(await c.dispatch('app.restartToUpdate', {})).toEqual({ ok: false, error: { code: 'update.busy' } });
    scan.pending = null;
    expect(await c.dispatch('app.restartToUpdate', {})).toEqual({ ok: true, value: { done: true } });
    expect(desktop.restarts).toBe(1);
  });

  it('Restart to update: refused while a push approval waits', async () => {
    const desktop = port({ state: 'ready', version: '0.2.0' });
    const c = await start(desktop);
    vi.spyOn(c.sessionServices.push, 'list').mockReturnValue([{ id: 'p' }] as never);
    expect(await c.dispatch('app.restartToUpdate', {})).toEqual({ ok: false, error: { code: 'update.busy' } });
    expect(desktop.restarts).toBe(0);
  });

  it('nothing downloaded: update.not-ready', async () => {
    const c = await start(port({ state: 'idle' }));
    expect(await c.dispatch('app.restartToUpdate', {})).toEqual({ ok: false, error: { code: 'update.not-ready' } });
  });

  it('diagnostics, update state and the waiting deep links come from the shell; settings changes reach it', async () => {
    const desktop = port({ state: 'downloading', version: '0.2.0' });
    const c = await start(desktop);
    expect(await c.dispatch('app.getDiagnostics', {})).toEqual({ ok: true, value: { logFolder: '/logs', text: 'diag' } });
    expect(await c.dispatch('app.getUpdateState', {})).toEqual({ ok: true, value: { state: 'downloading', version: '0.2.0' } });
    expect(await c.dispatch('app.takeDeepLinks', {})).toEqual({
      ok: true,
      value: { links: [{ path: 'reset-password', query: { token: 't' } }] },
    });
    await c.dispatch('settings.updateSettings', { startAtLogin: true, closeToTray: false });
    expect(desktop.changed).toEqual([{ language: 'system', clearClipboard: true, closeToTray: false, startAtLogin: true }]);
    expect(c.readSettings()).toMatchObject({ closeToTray: false, startAtLogin: true });
    expect(c.language()).toBe('sv');
    expect(await c.dispatch('settings.updateSettings', { startAtLogin: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'field.invalid' },
    });
  });

  it('app.getStartState: the session, app info and settings in one answer, and leaves the waiting deep links alone (issue 16)', async () => {
    const desktop = port({ state: 'off' });
    const c = await start(desktop);
    await c.dispatch('settings.updateSettings', { language: 'en' });
    const whole = await c.dispatch('app.getStartState', {});
    expect(whole).toEqual({
      ok: true,
      value: {
        session: ((await c.dispatch('session.getState', {})) as { value: unknown }).value,
        info,
        settings: expect.objectContaining({ language: 'en' }) as unknown,
      },
    });
    expect(await c.dispatch('app.takeDeepLinks', {})).toEqual({
      ok: true,
      value: { links: [{ path: 'reset-password', query: { token: 't' } }] },
    });
  });

  it('the browser host (no shell): updates off, no links, diagnostics without a log folder', async () => {
    const c = await start();
    expect(await c.dispatch('app.getUpdateState', {})).toEqual({ ok: true, value: { state: 'off' } });
    expect(await c.dispatch('app.takeDeepLinks', {})).toEqual({ ok: true, value: { links: [] } });
    expect(await c.dispatch('app.getDiagnostics', {})).toMatchObject({ ok: true, value: { logFolder: null } });
    expect(await c.dispatch('app.restartToUpdate', {})).toEqual({ ok: false, error: { code: 'update.not-ready' } });
  });
});

describe('the desktop catalogue main shares with the renderer', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it('has the same keys in sv and en, no empty text and no vue-i18n special characters', () => {
    expect(keys(desktopSv)).toEqual(keys(desktopEn));
    for (const catalogue of [desktopSv, desktopEn]) {
      const texts = JSON.stringify(catalogue);
      expect(texts).not.toMatch(/[@|]/);
      expect(texts).not.toContain('""');
    }
  });

  it('textsFor fills placeholders', () => {
    expect(textsFor('sv')('menu', 'quit', { name: 'Flex' })).toBe('Avsluta Flex');
    expect(textsFor('en')('crash', 'child', { process: 'GPU', reason: 'oom' })).toContain('(GPU) stopped (oom)');
  });

  it('diagnostics list versions and the recent errors, redacted again', () => {
    const text = diagnosticsText({ app: '0.1.0', electron: '45.4.1', missing: undefined }, ['2026-12-07 error [core] token=abc123secret']);
    expect(text).toContain('app: 0.1.0');
    expect(text).not.toContain('missing');
    expect(text).not.toContain('abc123secret');
    expect(diagnosticsText({}, [])).toContain('No warnings or errors');
  });
});
