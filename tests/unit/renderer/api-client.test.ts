import { describe, expect, it } from 'vitest';
import { createClient } from '../../../renderer/src/api/client';
import type { Transport } from '../../../renderer/src/api/transport-types';

const transport = (invoke: Transport['invoke']): Transport => ({ invoke, subscribe: () => () => undefined });

describe('api client: a call answers with a Result, never a throw', () => {
  it('gives the value of a successful call', async () => {
    const api = createClient(transport(async () => ({ ok: true, value: { language: 'sv', clearClipboard: true } })));
    expect(await api.call('settings.get')).toEqual({ ok: true, value: { language: 'sv', clearClipboard: true } });
  });

  it('passes a declared error through, with its params', async () => {
    const api = createClient(transport(async () => ({ ok: false, error: { code: 'session.locked', params: { minutes: 5 } } })));
    expect(await api.call('session.get')).toEqual({ ok: false, error: { code: 'session.locked', params: { minutes: 5 } } });
  });

  it('an error code the catalogue does not declare arrives as internal (was: the raw code reached the screen)', async () => {
    const api = createClient(transport(async () => ({ ok: false, error: { code: 'server.secret-detail' } }) as never));
    expect(await api.call('session.get')).toEqual({ ok: false, error: { code: 'internal' } });
  });

  it('a transport that fails outright is an internal error, not an exception (was: thrown and caught back in every store)', async () => {
    const api = createClient(transport(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api.call('session.get')).resolves.toEqual({ ok: false, error: { code: 'internal' } });
  });
});
