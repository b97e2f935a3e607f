import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOTP, TOTP } from 'otpauth';
import { ManualClock } from '@shared/clock';
import type { AppInfo } from '@shared/contract';
import { createAppCore, type AppCore } from '../../../electron/core/app-core';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const OTHER = 'GEZDGNBVGY3TQOJQGEZDGNBV';
const info: AppInfo = { name: 'x', version: '0', platform: 'linux', host: 'electron', systemLocale: 'en', screenCapture: 'none' };
const T = 1_700_000_010_000; // the first millisecond of a 30 s period

/** `vault.listCodes` (issue 16): what a period boundary fetches, through the dispatcher both transports use. */
describe('vault.listCodes', () => {
  let core: AppCore;
  let dir: string;
  afterEach(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start() {
    dir = mkdtempSync(join(tmpdir(), 'flex-list-codes-'));
    const clock = new ManualClock({ now: () => T });
    core = await createAppCore({ dataDir: dir, secretStore: new MemorySecretStore(), info, clock });
    const add = async (req: Record<string, unknown>) => {
      const r = await core.dispatch('vault.addAccount', { source: 'manual', issuer: 'I', label: 'l', ...req });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return (r.value as { account: { id: string } }).account.id;
    };
    return {
      clock,
      totp: await add({ issuer: 'GitHub', secret: SECRET }),
      hotp: await add({ type: 'hotp', issuer: 'Bank', secret: OTHER }),
    };
  }

  it('answers the codes of the ids asked for, and nothing else: no names, no settings, no secret', async () => {
    const { clock, totp, hotp } = await start();
    const res = await core.dispatch('vault.listCodes', { ids: [totp, hotp] });
    const now = new TOTP({ secret: SECRET });
    expect(res).toEqual({
      ok: true,
      value: {
        generatedAt: T,
        codes: {
          [totp]: {
            code: now.generate({ timestamp: T }),
            nextCode: now.generate({ timestamp: T + 30_000 }),
            validUntil: 1_700_000_040_000,
          },
          [hotp]: { code: new HOTP({ secret: OTHER }).generate({ counter: 0 }), nextCode: null, validUntil: null },
        },
      },
    });
    expect(JSON.stringify(res)).not.toMatch(/GitHub|Bank|SHA1|JBSWY3DP|GEZDGNBV/);
    // Only the ids asked for; the next period's codes after the boundary.
    clock.advance(30_000);
    expect(await core.dispatch('vault.listCodes', { ids: [totp] })).toEqual({
      ok: true,
      value: {
        generatedAt: T + 30_000,
        codes: {
          [totp]: {
            code: now.generate({ timestamp: T + 30_000 }),
            nextCode: now.generate({ timestamp: T + 60_000 }),
            validUntil: 1_700_000_070_000,
          },
        },
      },
    });
  });

  it('leaves out an id it does not know (deleted meanwhile) and refuses what is not a list of ids', async () => {
    const { totp } = await start();
    const gone = 'b56d2520-0000-4000-8000-000000000000';
    const res = await core.dispatch('vault.listCodes', { ids: [gone, totp] });
    expect(res.ok && Object.keys((res.value as { codes: object }).codes)).toEqual([totp]);
    for (const bad of [
      {},
      { ids: 'x' },
      { ids: ['not-a-uuid'] },
      { ids: [totp], extra: 1 },
      { ids: Array.from({ length: 1001 }, () => totp) },
    ])
      expect(await core.dispatch('vault.listCodes', bad)).toMatchObject({ ok: false });
  });
});
