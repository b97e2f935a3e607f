import { hostname } from 'node:os';
import type { SessionView } from '@shared/contract';
import type { SettingsStore } from '../settings/settings-store';
import { AccountService } from './account-service';
import { AdminService } from './admin-service';
import { MemoryCredentialStore, type CredentialStore } from './credential-store';
import { EnrolmentService } from './enrolment-service';
import { IdentityHttp } from './identity-http';
import { MailboxService } from './mailbox-service';
import { PasswordRecovery } from './password-recovery';
import { PreparationService } from './preparation-service';
import { PushDeviceClient, type PushResolution } from './push-device';
import { ServerConfig } from './server-config';
import { SessionPersistence } from './session-persistence';
import { SessionService } from './session-service';
import { SetupFlowStore } from './setup-flow';

export interface SessionServicesOptions {
  settings: SettingsStore;
  /** The embedded identity mock's address; null when the composition root did not start one. */
  embeddedServerUrl: string | null;
  /** The embedded mock's mailbox token; null: no in-app mailbox. */
  embeddedMailboxToken?: string | null;
  /** Long-lived credentials (keychain in the app); for this run only when absent. */
  credentials?: CredentialStore;
  onSessionChange: (view: SessionView) => void;
  onPushRequest: (id: string) => void;
  /** A push request left the list without an answer from this app: expired or answered elsewhere. */
  onPushResolved?: (id: string, state: PushResolution) => void;
  fetchImpl?: typeof fetch;
  /** The language the user chose in the app (or the system's): the server's emails and SMS follow it. */
  language?: () => 'sv' | 'en';
  /** How often the sign-in screen asks about its push request; also the push device's poll while its stream is down. */
  pushPollMs?: number;
}

/**
 * Builds the HRM / Connect client services; both composition roots go through createAppCore.
 * Signed out at first: `session.restore()` signs in again with the last run's stored session.
 */
export function createSessionServices(o: SessionServicesOptions) {
  const server = new ServerConfig(o.settings, o.embeddedServerUrl);
  const http = new IdentityHttp(() => server.baseUrl(), o.fetchImpl, o.language);
  const credentials = o.credentials ?? new MemoryCredentialStore();
  const deviceName = `Flex HRM Connect (${hostname()})`;
  const persistence = new SessionPersistence(credentials, server, http);
  // A session the server ended, whichever service found out, is not restored at the next start.
  http.onInvalidSession = (token) => {
    persistence.forgetToken(token);
    session.sessionEnded(token);
  };
  const device = { name: deviceName, browser: 'Flex HRM Connect desktop' };
  const session = new SessionService({
    http,
    server,
    credentials,
    persistence,
    device,
    onChange: o.onSessionChange,
    pushPollMs: o.pushPollMs,
  });
  const push = new PushDeviceClient({
    http,
    credentials,
    baseUrl: () => server.baseUrl(),
    onRequest: o.onPushRequest,
    onResolved: o.onPushResolved ?? (() => {}),
    fetchImpl: o.fetchImpl,
    pollMs: o.pushPollMs ?? 5000,
    // Short first retries so a reconnect after a blip is quick; tests shorten them further.
    stream: { backoffMs: Math.min(1000, o.pushPollMs ?? 1000) },
  });
  push.start();
  const enrolment = new EnrolmentService(http, session, push, deviceName, new SetupFlowStore(credentials), {
    pollMs: Math.min(1000, o.pushPollMs ?? 1000),
  });
  const recovery = new PasswordRecovery(http, session, device);
  const mailbox = new MailboxService(http, server, o.embeddedMailboxToken ?? null);
  const preparation = new PreparationService(http, () => session.hrmToken());
  const admin = new AdminService(http, session);
  const account = new AccountService(http, session);
  return {
    server,
    session,
    recovery,
    push,
    enrolment,
    mailbox,
    preparation,
    admin,
    account,
    close() {
      session.close();
      enrolment.stopPolling();
      push.stop();
    },
  };
}

export type SessionServices = ReturnType<typeof createSessionServices>;
