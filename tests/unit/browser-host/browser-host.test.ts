import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';

let host: BrowserHost;
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flex-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Flex</title>');
  host = await startBrowserHost({ dataDir: join(dir, 'data'), rendererDir, secretStore: new MemorySecretStore() });
});
afterAll(() => host.close());

const invoke = (channel: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${host.token}` }) =>
  fetch(`${host.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('browser host', () => {
  it('serves the renderer with the strict CSP', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('refuses API calls without the per-run token, or with a wrong one', async () => {
    expect((await invoke('vault.listAccounts', {}, {})).status).toBe(401);
    expect((await invoke('vault.listAccounts', {}, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await fetch(`${host.origin}/api/events`)).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(host.origin);
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: '/api/invoke/vault.listAccounts',
          method: 'POST',
          headers: { host: `evil.example:${u.port}`, authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('carries the same contract: typed errors for bad payloads, results for good ones', async () => {
    expect(await (await invoke('vault.deleteAccount', { id: 7 })).json()).toMatchObject({ ok: false, error: { code: 'field.invalid' } });
    expect(await (await invoke('no.such.channel', {})).json()).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
    const added: unknown = await (
      await invoke('vault.addAccount', { source: 'manual', issuer: 'GitHub', label: 'anna', secret: SECRET })
    ).json();
    expect(added).toMatchObject({ ok: true, value: { account: { issuer: 'GitHub', label: 'anna' } } });
    expect(JSON.stringify(added)).not.toContain(SECRET);
  });

  it("puts a call's answer on the page's stream after the events the call caused", async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.origin}/api/events`, { headers: { authorization: `Bearer ${host.token}` }, signal: controller.signal });
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (part: string) => {
      while (!text.includes(part)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await readUntil('"stream":"');
    const stream = /"stream":"([^"]+)"/.exec(text)?.[1] ?? '';
    const posted: unknown = await (
      await invoke(`vault.addAccount?stream=${stream}&call=7`, {
        source: 'manual',
        issuer: 'Ordered',
        label: 'x',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBW',
      })
    ).json();
    await readUntil('"answer":7');
    const frames = text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
    const changed = frames.findIndex((f) => f.event === 'vault.changed');
    const answer = frames.findIndex((f) => f.answer === 7);
    expect(changed).toBeGreaterThan(-1);
    expect(answer).toBeGreaterThan(changed);
    // The same result as the POST's own answer (the fallback when a page has no stream).
    expect(frames[answer]?.result).toEqual(posted);
    controller.abort();
  });

  it('pushes events over server-sent events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.origin}/api/events`, { headers: { authorization: `Bearer ${host.token}` }, signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    await invoke('vault.addAccount', { source: 'manual', issuer: 'Other', label: 'x', secret: 'GEZDGNBVGY3TQOJQGEZDGNBV' });
    let text = '';
    while (!text.includes('vault.changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"event":"vault.changed"');
    controller.abort();
  });

  it('app.getStartState answers, in one call, what session.get, app.info and settings.get answer (issue 16)', async () => {
    const whole = (await (await invoke('app.getStartState', {})).json()) as { ok: true; value: Record<string, unknown> };
    expect(whole.ok).toBe(true);
    const part = async (channel: string) => ((await (await invoke(channel, {})).json()) as { value: unknown }).value;
    expect(whole.value).toEqual({
      session: await part('session.getState'),
      info: await part('app.getInfo'),
      settings: await part('settings.getSettings'),
    });
    expect(await (await invoke('app.getStartState', { extra: 1 })).json()).toMatchObject({ ok: false, error: { code: 'field.invalid' } });
  });

  it("a call may name the page's stream before its GET: the GET then gets the id, the events the call caused and its answer, in order", async () => {
    const stream = 'PageChosenStream-01';
    const posted: unknown = await (
      await invoke(`vault.addAccount?stream=${stream}&call=1`, {
        source: 'manual',
        issuer: 'Early',
        label: 'x',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBX',
      })
    ).json();
    const controller = new AbortController();
    const res = await fetch(`${host.origin}/api/events?stream=${stream}`, {
      headers: { authorization: `Bearer ${host.token}` },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('"answer":1')) text += new TextDecoder().decode((await reader.read()).value);
    const frames = text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
    expect(frames[0]).toEqual({ stream });
    const changed = frames.findIndex((f) => f.event === 'vault.changed');
    const answer = frames.findIndex((f) => f.answer === 1);
    expect(changed).toBeGreaterThan(0);
    expect(answer).toBeGreaterThan(changed);
    expect(frames[answer]?.result).toEqual(posted);
    // The id is this page's now: a second GET under it is refused, the first stays open.
    const again = await fetch(`${host.origin}/api/events?stream=${stream}`, { headers: { authorization: `Bearer ${host.token}` } });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ ok: false, error: { code: 'host.bad-request' } });
    controller.abort();
  });

  it('refuses a malformed stream id on the GET; a call naming one is still answered by its POST', async () => {
    const res = await fetch(`${host.origin}/api/events?stream=${encodeURIComponent('bad id!')}`, {
      headers: { authorization: `Bearer ${host.token}` },
    });
    expect(res.status).toBe(400);
    expect(await (await invoke('app.getInfo?stream=x&call=1', {})).json()).toMatchObject({ ok: true });
  });
});
