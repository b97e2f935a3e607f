import type { Clock } from '@shared/clock';
import type { Db } from './db/db';
import type { PasswordHasher } from '../core/lock/password-hash';
import type { DeviceEvents } from './services/device-events';
import type { LIMITS } from './config';
import type { Throttles } from './http/throttle';

export type Limits = { -readonly [K in keyof typeof LIMITS]: number };

/** What every service gets: the ports (db, clock, hasher, device event bus) and the settings. */
export interface MockContext {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  events: DeviceEvents;
  limits: Limits;
  /** Per-client request throttling (http/throttle.ts). */
  throttle: Throttles;
  /** The mock's own origin, known once it listens (used in emailed http links and enrol URIs). */
  publicUrl: string;
  /** SHA-256 of the demo mailbox's Bearer token (server.ts `mailboxToken`); null: no mailbox. */
  mailboxTokenHash: string | null;
  /** Where `/open/<action>` redirects (`<appBaseUrl>#/link/<action>?token=`), if set. */
  appBaseUrl: string | undefined;
}
