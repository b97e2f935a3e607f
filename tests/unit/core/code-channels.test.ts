import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOTP } from 'otpauth';
import { ManualClock } from '@shared/clock';
import type { AppInfo } from '@shared/contract';
import { createAppCore, type AppCore } from '../../../electron/core/app-core';
import type { ClipboardPort } from '../../../electron/core/clipboard/clipboard-port';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const info: AppInfo = { name: 'x', version: '0', platform: 'linux', host: 'electron', systemLocale: 'en', screenCapture: 'none' };

/** The contract channels for copying and HOTP, through the dispatcher both transports use. */
describe('vault.copyCode, vault.advanceHotpCounter and the clipboard setting', () => {
  let core: AppCore;
  let dir: string;
  afterEach(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(clipboard?: ClipboardPort) {
    dir = mkdtempSync(join(tmpdir(), 'flex-code-channels-'));
    const clock = new ManualClock({ now: () => 1_700_000_010_000 });
    core = await createAppCore({ dataDir: dir, secretStore: new MemorySecretStore(), info, clock, ...(clipboard ? { clipboard } : {}) });
    const added = await core.dispatch('vault.addAccount', { source: 'manual', issuer: 'GitHub', label: 'anna', secret: SECRET });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    return { clock, id: (added.value as { account: { id: string } }).account.id };
  }

  it('in Electron main writes the current code itself and says when it clears it', async () => {
    const written: string[] = [];
    const { clock, id } = await start({
      writeConcealed: (t) => {
        written.push(t);
        return Promise.resolve();
      },
      readText: () => Promise.resolve(written.at(-1) ?? ''),
      clear: () => Promise.resolve(),
    });
    const code = new TOTP({ secret: SECRET }).generate({ timestamp: clock.now() });
    expect(await core.dispatch('vault.copyCode', { id })).toEqual({
      ok: true,
      value: { by: 'main', code, clearsAt: clock.now() + 30_000 },
    });
    expect(written).toEqual([code]);
  });

  it('quitting (core.shutdown, as will-quit and the browser host call it) clears a copied code instead of cancelling the clear', async () => {
    let onClipboard = '';
    const { id } = await start({
      writeConcealed: (t) => {
        onClipboard = t;
        return Promise.resolve();
      },
      readText: () => Promise.resolve(onClipboard),
      clear: () => {
        onClipboard = '';
        return Promise.resolve();
      },
    });
    expect(await core.dispatch('vault.copyCode', { id })).toMatchObject({ ok: true, value: { by: 'main' } });
    expect(onClipboard).not.toBe('');
    await core.shutdown();
    expect(onClipboard).toBe('');
  });

  it('in the browser host tells the renderer to copy, with the clearing time from the setting', async () => {
    const { id } = await start();
    expect(await core.dispatch('vault.copyCode', { id })).toMatchObject({ ok: true, value: { by: 'renderer', clearAfterMs: 30_000 } });
    expect(await core.dispatch('settings.updateSettings', { clearClipboard: false })).toEqual({
      ok: true,
      value: { language: 'system', clearClipboard: false, closeToTray: true, startAtLogin: false },
    });
    expect(await core.dispatch('vault.copyCode', { id })).toMatchObject({ ok: true, value: { by: 'renderer', clearAfterMs: null } });
    // Changing the language keeps the clipboard choice (an update never resets what it does not name).
    expect(await core.dispatch('settings.updateSettings', { language: 'sv' })).toEqual({
      ok: true,
      value: { language: 'sv', clearClipboard: false, closeToTray: true, startAtLogin: false },
    });
    expect(await core.dispatch('vault.copyCode', { id: 'b56d2520-0000-4000-8000-000000000000' })).toEqual({
      ok: false,
      error: { code: 'vault.not-found' },
    });
  });

  it('vault.hotpNext answers the new code and tells every window', async () => {
    await start();
    const added = await core.dispatch('vault.addAccount', {
      source: 'manual',
      type: 'hotp',
      issuer: 'Bank',
      label: 'anna',
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      counter: 4,
    });
    const id = added.ok ? (added.value as { account: { id: string } }).account.id : '';
    const seen: string[] = [];
    core.events.subscribe((e) => seen.push(e));
    const next = await core.dispatch('vault.advanceHotpCounter', { id });
    expect(next).toMatchObject({ ok: true, value: { account: { id, counter: 5, validUntil: null } } });
    expect(seen).toEqual(['vault.changed']);
  });
});
