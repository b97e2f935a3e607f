/** Time as a port, so expiry rules (30-minute codes, 24-hour links, TOTP steps) are testable. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests and the identity mock's test control can move forward. */
export class ManualClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
    this.offsetMs += ms;
  }
}

/**
 * Another clock's offset from ours (theirs minus ours, ms), from a reading `remoteNow` taken somewhere
 * during a round trip that left at `sentAt` and came back at `receivedAt` (our clock): the midpoint
 * is the best guess of when it was read.
 */
export function clockOffset(remoteNow: number, sentAt: number, receivedAt: number): number {
  return remoteNow - Math.round((sentAt + receivedAt) / 2);
}
