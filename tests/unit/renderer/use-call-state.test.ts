import { describe, expect, it } from 'vitest';
import { useBusy, useCallState } from '../../../renderer/src/stores/use-call-state';

describe('useBusy / useCallState', () => {
  it('is busy while the work runs and not after, even when it throws', async () => {
    const { busy, during } = useBusy();
    let finish!: () => void;
    const work = during(() => new Promise<string>((resolve) => (finish = () => resolve('done'))));
    expect(busy.value).toBe(true);
    finish();
    expect(await work).toBe('done');
    expect(busy.value).toBe(false);
    await expect(during(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(busy.value).toBe(false);
  });

  it('keeps the last error and clears it at the next call', async () => {
    const { error, run } = useCallState();
    expect(await run(() => Promise.resolve({ ok: false as const, error: { code: 'internal' as const } }))).toBeNull();
    expect(error.value).toEqual({ code: 'internal' });
    expect(await run(() => Promise.resolve({ ok: true as const, value: 7 }))).toBe(7);
    expect(error.value).toBeNull();
  });
});
