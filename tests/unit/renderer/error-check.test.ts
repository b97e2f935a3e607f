import { describe, expect, it, vi } from 'vitest';

/**
 * api/error-check.ts: the catalogue's check (zod) is loaded with the first error from main, not
 * on the start path; the synchronous check uses it from then on. A fresh module per test, so the
 * "not loaded yet" state is real.
 */
async function fresh() {
  vi.resetModules();
  return import('../../../renderer/src/api/error-check');
}

describe('checkErrorData (renderer/src/api/error-check.ts)', () => {
  it('reads anything that is not error data as internal, loaded or not', async () => {
    const m = await fresh();
    for (const x of [new Error('boom'), 'text', null, undefined, 42, { message: 'no code' }, { code: 'vault.not-found', params: 'x' }]) {
      expect(m.checkErrorData(x)).toEqual({ code: 'internal' });
    }
    await m.loadErrorCheck();
    for (const x of [new Error('boom'), 'text', null, { message: 'no code' }]) expect(m.checkErrorData(x)).toEqual({ code: 'internal' });
  });

  it("before the catalogue is loaded, passes the renderer's own error data through", async () => {
    const m = await fresh();
    expect(m.checkErrorData({ code: 'import.too-large', params: { maxBytes: 10 } })).toEqual({
      code: 'import.too-large',
      params: { maxBytes: 10 },
    });
  });

  it('once loaded, checks against the catalogue: an undeclared code or bad params read as internal', async () => {
    const m = await fresh();
    const parse = await m.loadErrorCheck();
    expect(await m.loadErrorCheck()).toBe(parse);
    expect(m.checkErrorData({ code: 'no.such-code' })).toEqual({ code: 'internal' });
    expect(m.checkErrorData({ code: 'session.locked', params: { minutes: 'soon' } })).toEqual({ code: 'internal' });
    expect(m.checkErrorData({ code: 'session.locked', params: { minutes: 5 } })).toEqual({
      code: 'session.locked',
      params: { minutes: 5 },
    });
  });
});
