import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@shared/result';
import type { RouteThrottle } from '@shared/identity-api';
import type { Limits } from '../context';

/**
 * Per-client throttling with rate-limiter-flexible: one in-memory limiter per kind of request.
 * The per-account lockout (services/limits.ts) stops guessing one account; this stops spraying
 * guesses across many, and bounds robot checks and address checks. Routes name their kind in the
 * shared route table (`throttle`), register.ts consumes a point before the body is read.
 * In memory, so a restart resets it (the lockouts are in SQLite and survive).
 */
export class Throttles {
  private limiters: Record<RouteThrottle, RateLimiterMemory>;

  constructor(private readonly limits: Limits) {
    this.limiters = this.build();
  }

  private build(): Record<RouteThrottle, RateLimiterMemory> {
    const make = (points: number, duration: number) => new RateLimiterMemory({ points, duration });
    return {
      'sign-in': make(this.limits.signInPerClientPerMinute, 60),
      'human-check': make(this.limits.humanChecksPerClientPerMinute, 60),
      recovery: make(this.limits.recoveryPerClientPerMinute, 60),
      'address-check': make(this.limits.addressChecksPerUserPerHour, 3600),
    };
  }

  /** Takes one point for `key` (a client address or a user id); `request.rate-limited` when none is left. */
  async consume(kind: RouteThrottle, key: string): Promise<void> {
    try {
      await this.limiters[kind].consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      throw new AppError('request.rate-limited', { retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) });
    }
  }

  /** Test control's reset starts every limiter afresh. */
  reset(): void {
    this.limiters = this.build();
  }
}
