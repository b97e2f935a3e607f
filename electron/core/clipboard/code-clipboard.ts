import type { Clock } from '@shared/clock';
import type { ClipboardPort } from './clipboard-port';

/** How long a copied code may stay on the clipboard. */
export const CLIPBOARD_CLEAR_MS = 30_000;

/** Timers as a port, so tests drive the clearing with a manual clock instead of waiting. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending clear must not keep a quitting process alive.
    t.unref();
    return t;
  },
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

interface Pending {
  text: string;
  dueAt: number;
  handle: unknown;
}

/**
 * Copies codes and clears them again: after `clearAfterMs` the clipboard is emptied, but only
 * if it still holds the code we put there, so something the user copied since is never lost.
 * The deadline is checked against the Clock (a timer may fire early or late: a suspended laptop
 * fires late, and a timer that fires early is simply set again for the rest).
 */
export class CodeClipboard {
  private pending: Pending | null = null;

  constructor(
    private readonly port: ClipboardPort,
    private readonly clock: Clock,
    private readonly timers: Timers = realTimers,
    readonly clearAfterMs: number = CLIPBOARD_CLEAR_MS,
  ) {}

  /** Writes `text`; with `clear`, returns the epoch ms when it will be cleared. */
  async copy(text: string, clear: boolean): Promise<{ clearsAt: number | null }> {
    this.cancel();
    await this.port.writeConcealed(text);
    if (!clear) return { clearsAt: null };
    const dueAt = this.clock.now() + this.clearAfterMs;
    this.pending = { text, dueAt, handle: this.timers.set(() => void this.check(), this.clearAfterMs) };
    return { clearsAt: dueAt };
  }

  /** Runs when the timer fires (one that fired early waits out the rest). Quitting uses `flush`. */
  private async check(): Promise<void> {
    const p = this.pending;
    if (!p) return;
    const left = p.dueAt - this.clock.now();
    if (left > 0) {
      p.handle = this.timers.set(() => void this.check(), left);
      return;
    }
    this.pending = null;
    await this.clearIfOurs(p.text);
  }

  /** Still ours? The user may have copied something else in the meantime: leave that alone. */
  private async clearIfOurs(text: string): Promise<boolean> {
    if ((await this.port.readText()) !== text) return false;
    await this.port.clear();
    return true;
  }

  /**
   * Runs a waiting clear now instead of at its deadline (the app is quitting, and a timer does not
   * outlive the process): empties the clipboard if it still holds our code, and never touches
   * what the user copied since. Resolves with whether it cleared.
   */
  async flush(): Promise<boolean> {
    const p = this.pending;
    if (!p) return false;
    this.cancel();
    return this.clearIfOurs(p.text);
  }

  /** Whether a clear is still waiting (for tests and diagnostics). */
  get waiting(): boolean {
    return this.pending !== null;
  }

  /** Drops a waiting clear without running it (a new copy replaces it). Quitting uses `flush`. */
  cancel(): void {
    if (this.pending) this.timers.clear(this.pending.handle);
    this.pending = null;
  }
}
