import { describe, expect, it } from 'vitest';
import { ManualClock } from '@shared/clock';
import type { ClipboardPort } from '../../../electron/core/clipboard/clipboard-port';
import { concealedFormats } from '../../../electron/core/clipboard/clipboard-port';
import { CodeClipboard, type Timers } from '../../../electron/core/clipboard/code-clipboard';

/** An OS clipboard in memory that remembers how it was written. */
class FakeClipboard implements ClipboardPort {
  text = '';
  writes: string[] = [];
  clears = 0;
  writeConcealed(text: string) {
    this.text = text;
    this.writes.push(text);
    return Promise.resolve();
  }
  readText() {
    return Promise.resolve(this.text);
  }
  clear() {
    this.text = '';
    this.clears++;
    return Promise.resolve();
  }
}

/** Timers driven by the manual clock: `advance` moves time and runs what fell due, in order. */
class ClockTimers implements Timers {
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  constructor(private readonly clock: ManualClock) {}
  set(fn: () => void, ms: number) {
    const id = this.next++;
    this.due.set(id, { at: this.clock.now() + ms, fn });
    return id;
  }
  clear(handle: unknown) {
    this.due.delete(handle as number);
  }
  get count() {
    return this.due.size;
  }
  async advance(ms: number) {
    this.clock.advance(ms);
    for (const [id, t] of [...this.due].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > this.clock.now()) continue;
      this.due.delete(id);
      t.fn();
      // Let the check's awaits (read, clear) finish before the next timer.
      await new Promise((r) => setImmediate(r));
    }
  }
  /** A timer that fires too early (as after a clock change): runs everything pending now. */
  async fireAllNow() {
    for (const [id, t] of [...this.due]) {
      this.due.delete(id);
      t.fn();
    }
    await new Promise((r) => setImmediate(r));
  }
}

function setup() {
  const clock = new ManualClock({ now: () => 1_750_000_000_000 });
  const timers = new ClockTimers(clock);
  const os = new FakeClipboard();
  return { clock, timers, os, clipboard: new CodeClipboard(os, clock, timers) };
}

describe('CodeClipboard', () => {
  it('clears the code 30 seconds after copying, not before', async () => {
    const { clock, timers, os, clipboard } = setup();
    const { clearsAt } = await clipboard.copy('123456', true);
    expect(clearsAt).toBe(clock.now() + 30_000);
    expect(os.text).toBe('123456');
    await timers.advance(29_999);
    expect(os.text).toBe('123456');
    await timers.advance(1);
    expect(os.text).toBe('');
    expect(os.clears).toBe(1);
    expect(clipboard.waiting).toBe(false);
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const { timers, os, clipboard } = setup();
    await clipboard.copy('123456', true);
    await timers.advance(10_000);
    os.text = 'a sentence the user copied';
    await timers.advance(20_000);
    expect(os.text).toBe('a sentence the user copied');
    expect(os.clears).toBe(0);
  });

  it('a second copy restarts the 30 seconds for the new code only', async () => {
    const { timers, os, clipboard } = setup();
    await clipboard.copy('111111', true);
    await timers.advance(20_000);
    await clipboard.copy('222222', true);
    expect(timers.count).toBe(1);
    await timers.advance(20_000);
    expect(os.text).toBe('222222');
    await timers.advance(10_000);
    expect(os.text).toBe('');
  });

  it('a timer that fires early waits for the rest of the time', async () => {
    const { timers, os, clipboard } = setup();
    await clipboard.copy('123456', true);
    await timers.fireAllNow();
    expect(os.text).toBe('123456');
    expect(clipboard.waiting).toBe(true);
    await timers.advance(30_000);
    expect(os.text).toBe('');
  });

  it('flush() on quit runs the waiting clear now instead of dropping it (the code stayed on the clipboard after quitting)', async () => {
    const { timers, os, clipboard } = setup();
    await clipboard.copy('123456', true);
    expect(await clipboard.flush()).toBe(true);
    expect(os.text).toBe('');
    expect(clipboard.waiting).toBe(false);
    expect(timers.count).toBe(0);
    expect(await clipboard.flush()).toBe(false);
  });

  it('flush() leaves what the user copied since alone, and does nothing with no clear waiting', async () => {
    const { os, clipboard } = setup();
    expect(await clipboard.flush()).toBe(false);
    await clipboard.copy('123456', true);
    os.text = 'my own text';
    expect(await clipboard.flush()).toBe(false);
    expect(os.text).toBe('my own text');
    await clipboard.copy('654321', false);
    expect(await clipboard.flush()).toBe(false);
    expect(os.text).toBe('654321');
  });

  it('does not clear when the setting is off', async () => {
    const { timers, os, clipboard } = setup();
    expect(await clipboard.copy('123456', false)).toEqual({ clearsAt: null });
    expect(timers.count).toBe(0);
    await timers.advance(60_000);
    expect(os.text).toBe('123456');
  });
});

describe('concealedFormats', () => {
  it('marks the copy for Windows history and cloud clipboard with a DWORD 0', () => {
    const f = concealedFormats('win32', '123456');
    expect(Object.keys(f).sort()).toEqual([
      'CanIncludeInClipboardHistory',
      'CanUploadToCloudClipboard',
      'ExcludeClipboardContentFromMonitorProcessing',
    ]);
    for (const bytes of Object.values(f)) expect([...bytes]).toEqual([0, 0, 0, 0]);
  });

  it('marks it concealed for macOS clipboard managers and secret for KDE Klipper', () => {
    expect(Object.keys(concealedFormats('darwin', '123456'))).toEqual(['org.nspasteboard.ConcealedType']);
    expect(new TextDecoder().decode(concealedFormats('linux', '123456')['x-kde-passwordManagerHint'])).toBe('secret');
  });
});
