import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/result';
import { createDispatcher, type Handlers } from '../../../electron/core/ipc/dispatcher';

const account = {
  id: '11111111-1111-4111-8111-111111111111',
  type: 'totp',
  issuer: 'A',
  label: 'a',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: null,
  pinned: false,
  position: 0,
  code: '123456',
  nextCode: '654321',
  validUntil: 1,
};

function dispatcherWith(overrides: Partial<Handlers>) {
  const calls: string[] = [];
  const handlers = new Proxy(overrides as Handlers, {
    get: (t, k: string) =>
      (t as Partial<Handlers>)[k as keyof Handlers] ??
      (() => {
        calls.push(k);
        return {};
      }),
  });
  return { dispatch: createDispatcher(handlers, { error: vi.fn() }), calls };
}

describe('IPC dispatcher', () => {
  it('refuses unknown channels before any handler runs', async () => {
    const { dispatch, calls } = dispatcherWith({});
    expect(await dispatch('vault.exportSecrets', {})).toEqual({ ok: false, error: { code: 'ipc.unknown-channel' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['vault.deleteAccount', { id: 'not-a-uuid' }, 'id'],
    ['vault.deleteAccount', { id: account.id, extra: 1 }, ''],
    ['vault.addAccount', { source: 'manual', issuer: 5 }, 'issuer'],
    ['vault.addAccount', { source: 'telepathy' }, 'source'],
    ['vault.addAccount', { source: 'uri', uri: 'x'.repeat(9000) }, 'uri'],
    ['vault.reorderAccounts', { ids: 'abc' }, 'ids'],
    ['settings.updateSettings', { language: 'klingon' }, 'language'],
    ['vault.listAccounts', 'a string', ''],
    ['vault.listAccounts', [1, 2], ''],
  ])('rejects a malformed %s payload with a typed error', async (channel, payload, field) => {
    const { dispatch, calls } = dispatcherWith({});
    const res = await dispatch(channel, payload);
    expect(res).toMatchObject({ ok: false, error: { code: 'field.invalid', params: { field } } });
    expect(calls).toEqual([]);
  });

  it('turns an AppError into a result and hides unexpected errors', async () => {
    const log = { error: vi.fn() };
    const dispatch = createDispatcher(
      {
        'vault.deleteAccount': () => {
          throw new AppError('vault.not-found');
        },
        'vault.listAccounts': () => {
          throw new Error('disk on fire /home/anna/secret');
        },
      } as unknown as Handlers,
      log,
    );
    expect(await dispatch('vault.deleteAccount', { id: account.id })).toEqual({ ok: false, error: { code: 'vault.not-found' } });
    expect(await dispatch('vault.listAccounts', {})).toEqual({ ok: false, error: { code: 'internal' } });
    expect(log.error).toHaveBeenCalledOnce();
  });

  it('strips fields the contract does not declare from responses', async () => {
    const { dispatch } = dispatcherWith({
      'vault.addAccount': () => Promise.resolve({ account: { ...account, secret: 'JBSWY3DPEHPK3PXP' } } as never),
    });
    const res = await dispatch('vault.addAccount', { source: 'uri', uri: 'otpauth://totp/x' });
    expect(res.ok).toBe(true);
    expect(JSON.stringify(res)).not.toContain('JBSWY3DPEHPK3PXP');
  });
});
