import { hostname } from 'node:os';
import type { SessionView } from '@shared/contract';
import type { SettingsStore } from '../settings/settings-service';
import { SettingsCredentialStore, type CredentialStore } from './credential-store';
import { EnrolmentService } from './enrolment-service';
import { IdentityHttp } from './identity-http';
import { MailboxService } from './mailbox-service';
import { PushDeviceClient, type PushResolution } from './push-device';
import { ServerConfig } from './server-config';
import { SessionService } from './session-service';

export interface SessionServicesOptions {
  settings: SettingsStore;
  /** The embedded identity mock's address; null when the composition root did not start one. */
  embeddedServerUrl: string | null;
  credentials?: CredentialStore;
  onSessionChange: (view: SessionView) => void;
  onPushRequest: (id: string) => void;
  /** A push request left the list without an answer from this app: expired or answered elsewhere. */
  onPushResolved?: (id: string, state: PushResolution) => void;
  fetchImpl?: typeof fetch;
  /** How often the sign-in screen asks about its push request; also the push device's poll while its stream is down. */
  pushPollMs?: number;
}

/** Builds the HRM / Connect client services; both composition roots go through createAppCore. */
export function createSessionServices(o: SessionServicesOptions) {
  const server = new ServerConfig(o.settings, o.embeddedServerUrl);
  const http = new IdentityHttp(() => server.baseUrl(), o.fetchImpl);
  const credentials = o.credentials ?? new SettingsCredentialStore(o.settings);
  const deviceName = `Flex HRM Connect (${hostname()})`;
  const session = new SessionService({
    http,
    server,
    credentials,
    device: { name: deviceName, browser: 'Flex HRM Connect desktop' },
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
  const enrolment = new EnrolmentService(http, session, push, deviceName);
  const mailbox = new MailboxService(http, server);
  return {
    server,
    session,
    push,
    enrolment,
    mailbox,
    close() {
      session.close();
      push.stop();
    },
  };
}

export type SessionServices = ReturnType<typeof createSessionServices>;
