/// <reference lib="dom" />
import { describe, expect, it, vi } from 'vitest';
import type { Transport } from '../../../renderer/src/api/transport-types';
import { withSharedEvents } from '../../../renderer/src/api/shared-events';

describe('withSharedEvents', () => {
  it('opens one underlying stream for many listeners and closes it after the last', () => {
    let emit: Parameters<Transport['subscribe']>[0] = () => undefined;
    const close = vi.fn();
    const subscribe = vi.fn((l: Parameters<Transport['subscribe']>[0]) => {
      emit = l;
      return close;
    });
    const inner: Transport = { invoke: vi.fn(() => Promise.resolve({ ok: true as const, value: 1 })), subscribe };
    const shared = withSharedEvents(inner);
    const a = vi.fn();
    const b = vi.fn();
    const offA = shared.subscribe(a);
    const offB = shared.subscribe(b);
    expect(subscribe).toHaveBeenCalledTimes(1);

    emit('vault.changed', {});
    expect(a).toHaveBeenCalledWith('vault.changed', {});
    expect(b).toHaveBeenCalledWith('vault.changed', {});

    offA();
    emit('mailbox.changed', {});
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    expect(close).not.toHaveBeenCalled();
    offB();
    expect(close).toHaveBeenCalledTimes(1);

    shared.subscribe(a);
    expect(subscribe).toHaveBeenCalledTimes(2);
  });
});
