import { z } from 'zod';
import { SignedInUserSchema, type SignedInUser } from '@shared/contract';
import { systemClock, type Clock } from '@shared/clock';
import type { CredentialStore } from './credential-store';
import type { RouteValue } from '@shared/identity-api';
import type { IdentityHttp } from './identity-http';
import { serverCodeOf } from './identity-http';
import type { ServerConfig } from './server-config';
import type { InternalState } from './session-state';

type SignedInState = Extract<InternalState, { step: 'signed-in' }>;

/** What survives a restart: enough to rebuild 'signed-in' after the server has said yes. */
const StoredSessionSchema = z.object({
  v: z.literal(1),
  server: z.string(),
  hrmToken: z.string().nullable(),
  connectToken: z.string().nullable(),
  user: SignedInUserSchema,
  expiresAt: z.number().nullable(),
  /** A replacement emergency code not yet confirmed stored: it must survive a restart. */
  newEmergencyCode: z.string().nullable().optional(),
});
type StoredSession = z.infer<typeof StoredSessionSchema>;

/** The check at start-up is local for the built-in server; a remote one gets this long, no more. */
export const RESTORE_TIMEOUT_MS = 3000;

/**
 * The signed-in session across app restarts, in the OS keychain only (the CredentialStore; never
 * app.db, never the renderer). One entry per server, keyed by the server's identity, so a token is
 * only ever sent back to the server that issued it: the built-in server is "embedded" (its port
 * changes every start, its mock.db and so its sessions do not), a custom one its normalized URL.
 * A stored session is never trusted on its own: restore() asks the server first.
 */
export class SessionPersistence {
  /** Tokens the server said are over: never stored again, even if the state still holds them. */
  private readonly ended = new Set<string>();

  constructor(
    private readonly credentials: CredentialStore,
    private readonly server: ServerConfig,
    private readonly http: IdentityHttp,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The current server's identity: its key in the store. */
  serverId(): string | null {
    const c = this.server.choice();
    if (c?.kind === 'custom') return c.url;
    return this.server.baseUrl() ? 'embedded' : null;
  }

  private static key(serverId: string): string {
    return `signed-in-session.${serverId}`;
  }

  private read(serverId: string): StoredSession | null {
    const raw = this.credentials.get(SessionPersistence.key(serverId));
    if (raw === null) return null;
    try {
      const parsed = StoredSessionSchema.safeParse(JSON.parse(raw));
      if (parsed.success && parsed.data.server === serverId) return parsed.data;
    } catch {
      // Not JSON: dropped below like any other entry this version cannot read.
    }
    this.credentials.set(SessionPersistence.key(serverId), null);
    return null;
  }

  /** Stores a signed-in state for the current server (skipped when nothing stored would change). */
  save(s: SignedInState): void {
    const serverId = this.serverId();
    if (!serverId || (s.hrmToken === null && s.connectToken === null)) return;
    if ((s.hrmToken && this.ended.has(s.hrmToken)) || (s.connectToken && this.ended.has(s.connectToken))) return;
    const record: StoredSession = {
      v: 1,
      server: serverId,
      hrmToken: s.hrmToken,
      connectToken: s.connectToken,
      user: s.user,
      expiresAt: s.expiresAt ?? null,
      newEmergencyCode: s.newEmergencyCode ?? null,
    };
    const value = JSON.stringify(record);
    if (this.credentials.get(SessionPersistence.key(serverId)) !== value) this.credentials.set(SessionPersistence.key(serverId), value);
  }

  /** Sign-out and server change: that server's (by default the current one's) stored session is gone. */
  forget(serverId: string | null = this.serverId()): void {
    if (serverId && this.credentials.get(SessionPersistence.key(serverId)) !== null)
      this.credentials.set(SessionPersistence.key(serverId), null);
  }

  /** The server ended the session holding this token (any call answered auth.invalid-session). */
  forgetToken(token: string): void {
    this.ended.add(token);
    const serverId = this.serverId();
    const stored = serverId ? this.read(serverId) : null;
    if (stored && (stored.hrmToken === token || stored.connectToken === token)) this.forget();
  }

  /**
   * The stored session of the current server, if the server still honours it, with the user's
   * details as the server has them now. An ended or expired session is deleted. When the server
   * cannot be reached (or answers anything but yes or "invalid session"), the user stays signed
   * out, because data we cannot check must not sign anybody in, and the entry is kept, because a
   * network outage is not the server ending the session: the next start tries again.
   */
  async restore(): Promise<SignedInState | null> {
    const serverId = this.serverId();
    const stored = serverId ? this.read(serverId) : null;
    if (!stored) return null;
    // The server's own expiry, read on this computer's clock: past it, the server would refuse
    // anyway, so the secret is deleted without a call.
    if (stored.expiresAt !== null && stored.expiresAt <= this.clock.now()) {
      this.forget();
      return null;
    }
    const checks = await this.validate(stored);
    if (checks.some((c) => c.status === 'rejected' && isEnded(c.reason))) {
      this.forget();
      return null;
    }
    const [h, c] = checks;
    if (h.status === 'rejected' || c.status === 'rejected') return null;
    const [hrm, connect] = [h.value, c.value];
    const state: SignedInState = {
      step: 'signed-in',
      user: freshUser(stored.user, hrm, connect),
      hrmToken: stored.hrmToken,
      connectToken: stored.connectToken,
      expiresAt: stored.expiresAt,
      // The 2FA offer belongs to the sign-in it came with; a restart does not repeat it.
      offerTwoFactor: false,
      newEmergencyCode: stored.newEmergencyCode ?? null,
    };
    // The fresh user details, stored for the next start.
    this.save(state);
    return state;
  }

  /** Asks the server about every stored token (null where there is none), all at once. */
  private validate(stored: StoredSession) {
    const options = { timeoutMs: RESTORE_TIMEOUT_MS };
    return Promise.allSettled([
      stored.hrmToken ? this.http.call('hrmMe', { ...options, token: stored.hrmToken }) : Promise.resolve(null),
      stored.connectToken ? this.http.call('me', { ...options, token: stored.connectToken }) : Promise.resolve(null),
    ]);
  }
}

/** The server ended the session (or the stored token is not even a token): not worth keeping. */
const isEnded = (e: unknown) => serverCodeOf(e) === 'auth.invalid-session' || serverCodeOf(e) === 'auth.required';

/** The user as the server has them now; as at sign-in (SessionService.completeSignIn), HRM's own record wins. */
function freshUser(stored: SignedInUser, hrm: RouteValue<'hrmMe'> | null, connect: RouteValue<'me'> | null): SignedInUser {
  const user: SignedInUser = { ...stored };
  if (connect) {
    user.email = connect.account.email;
    user.name = connect.hrm?.name ?? connect.account.name;
    user.company = connect.hrm?.companyName ?? user.company;
    user.userId = connect.hrm?.userId ?? null;
  }
  if (hrm) {
    user.name = hrm.user.name;
    user.company = hrm.user.companyName;
    user.userId = hrm.user.userId;
    user.role = hrm.user.role;
  }
  return user;
}
