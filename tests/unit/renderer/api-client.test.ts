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

describe('api client: prime (the start path asks for the first view state early)', () => {
  it('hands a primed call to the first call of its channel, then calls again as usual', async () => {
    const calls: string[] = [];
    const api = createClient(
      transport((channel) => {
        calls.push(channel);
        return Promise.resolve({ ok: true, value: { n: calls.length } });
      }),
    );
    api.prime('session.getState');
    expect(calls).toEqual(['session.getState']);
    expect(await api.call('session.getState')).toEqual({ ok: true, value: { n: 1 } });
    expect(await api.call('session.getState')).toEqual({ ok: true, value: { n: 2 } });
    expect(calls).toEqual(['session.getState', 'session.getState']);
  });

  it('a call with a request of its own never takes the primed answer', async () => {
    const payloads: unknown[] = [];
    const api = createClient(
      transport((_channel, payload) => {
        payloads.push(payload);
        return Promise.resolve({ ok: true, value: {} });
      }),
    );
    api.prime('settings.updateSettings');
    await api.call('settings.updateSettings', { language: 'sv' });
    expect(payloads).toEqual([{}, { language: 'sv' }]);
  });

  it('a primed call that failed is checked against the catalogue too', async () => {
    const api = createClient(transport(() => Promise.resolve({ ok: false, error: { code: 'made.up' } } as never)));
    api.prime('session.getState');
    expect(await api.call('session.getState')).toEqual({ ok: false, error: { code: 'internal' } });
  });
});
