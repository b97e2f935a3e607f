import { describe, expect, it } from 'vitest';
import { createClient } from '../../../renderer/src/api/client';
import type { Transport } from '../../../renderer/src/api/transport-types';

const transport = (invoke: Transport['invoke']): Transport => ({ invoke, subscribe: () => () => undefined });

describe('api client: a call answers with a Result, never a throw', () => {
  it('gives the value of a successful call', async () => {
    const api = createClient(transport(() => Promise.resolve({ ok: true, value: { language: 'sv', clearClipboard: true } })));
    expect(await api.call('settings.getSettings')).toEqual({ ok: true, value: { language: 'sv', clearClipboard: true } });
  });

  it('passes a declared error through, with its params', async () => {
    const api = createClient(transport(() => Promise.resolve({ ok: false, error: { code: 'session.locked', params: { minutes: 5 } } })));
    expect(await api.call('session.getState')).toEqual({ ok: false, error: { code: 'session.locked', params: { minutes: 5 } } });
  });

  it('an error code the catalogue does not declare arrives as internal (was: the raw code reached the screen)', async () => {
    const api = createClient(transport(() => Promise.resolve({ ok: false, error: { code: 'server.secret-detail' } } as never)));
    expect(await api.call('session.getState')).toEqual({ ok: false, error: { code: 'internal' } });
  });

  it('a transport that fails outright is an internal error, not an exception (was: thrown and caught back in every store)', async () => {
    const api = createClient(transport(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api.call('session.getState')).resolves.toEqual({ ok: false, error: { code: 'internal' } });
  });
});

describe('api client: primeParts (the start path asks for the first view state early, in one call)', () => {
  const start = {
    session: { server: { kind: 'embedded', url: null, configured: true }, savedEmail: null, state: { step: 'signed-out' } },
    info: { name: 'Flex', version: '1', platform: 'linux', host: 'browser-host', systemLocale: 'sv', screenCapture: 'renderer' },
    settings: { language: 'system', clearClipboard: true, closeToTray: true, startAtLogin: false },
  };
  const parts = {
    'session.getState': (s: typeof start) => s.session,
    'app.getInfo': (s: typeof start) => s.info,
    'settings.getSettings': (s: typeof start) => s.settings,
  } as never;

  it('makes one request and hands each part to the first call of its channel, then calls again as usual', async () => {
    const calls: string[] = [];
    const api = createClient(
      transport((channel) => {
        calls.push(channel);
        return Promise.resolve({ ok: true, value: channel === 'app.getStartState' ? start : { n: calls.length } });
      }),
    );
    api.primeParts('app.getStartState', parts);
    expect(calls).toEqual(['app.getStartState']);
    expect(await api.call('app.getInfo')).toEqual({ ok: true, value: start.info });
    expect(await api.call('settings.getSettings')).toEqual({ ok: true, value: start.settings });
    expect(await api.call('session.getState')).toEqual({ ok: true, value: start.session });
    expect(calls).toEqual(['app.getStartState']);
    expect(await api.call('session.getState')).toEqual({ ok: true, value: { n: 2 } });
    expect(calls).toEqual(['app.getStartState', 'session.getState']);
  });

  it('a call with a request of its own never takes the primed part', async () => {
    const payloads: unknown[] = [];
    const api = createClient(
      transport((_channel, payload) => {
        payloads.push(payload);
        return Promise.resolve({ ok: true, value: start });
      }),
    );
    api.primeParts('app.getStartState', { 'settings.updateSettings': (s: typeof start) => s.settings } as never);
    await api.call('settings.updateSettings', { language: 'sv' });
    expect(payloads).toEqual([{}, { language: 'sv' }]);
  });

  it('a start call that failed fails each part, checked against the catalogue', async () => {
    const api = createClient(transport(() => Promise.resolve({ ok: false, error: { code: 'made.up' } } as never)));
    api.primeParts('app.getStartState', parts);
    expect(await api.call('session.getState')).toEqual({ ok: false, error: { code: 'internal' } });
    expect(await api.call('app.getInfo')).toEqual({ ok: false, error: { code: 'internal' } });
  });
});
