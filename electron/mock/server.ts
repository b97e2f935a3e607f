import Fastify, { type FastifyInstance } from 'fastify';
import { ManualClock, type Clock } from '@shared/clock';
import { LIMITS } from './config';
import type { Limits, MockContext } from './context';
import { openMockDatabase } from './db/db';
import { guardedServerOptions } from '../loopback-http/guard';
import { createLogger } from '../core/log';
import { installErrorHandling, listeningPort, mockGuardOptions } from './http/errors';
import { registerJson } from './http/register';
import { Throttles } from './http/throttle';
import { sha256 } from './services/crypto';
import { connectAccountRoutes } from './routes/connect-account';
import { connectMfaRoutes } from './routes/connect-mfa';
import { connectRecoveryRoutes } from './routes/connect-recovery';
import { connectSignInRoutes } from './routes/connect-sign-in';
import { deviceRoutes } from './routes/devices';
import { hrmRoutes } from './routes/hrm';
import { hrmAdminRoutes } from './routes/hrm-admin';
import { idpRoutes } from './routes/idp';
import { mailboxRoutes } from './routes/mailbox';
import { testControlRoutes } from './routes/test-control';
import { DeviceEvents } from './services/device-events';
import { createArgon2Hasher, type Argon2Params } from '../core/lock/password-hash';
import { sweepOutbox } from './services/outbox';
import { isEmpty, seedDemoData } from './services/seed';

const log = createLogger('mock');

export interface MockOptions {
  /** SQLite file for mock.db; ':memory:' (the default) for tests. */
  dataFile?: string;
  /** Defaults to a ManualClock over the system clock, so test control can move time. */
  clock?: Clock;
  /** Enables the test-control routes, guarded by this value in `x-test-control-token`. */
  testControlToken?: string | undefined;
  /**
   * Enables the demo mailbox (`GET /mailbox`) for whoever holds this value as its Bearer token:
   * the app that started the mock. Without it the route is 404, like any a real server lacks.
   */
  mailboxToken?: string;
  /** Seed the demo companies and users into an empty database (default true). */
  seedDemoData?: boolean;
  /** `/open/<action>` and the IdP page redirect to `<appBaseUrl>#/link/...` when set. */
  appBaseUrl?: string;
  /** The mock's own origin for emailed links before it listens (start.ts sets the real one). */
  publicUrl?: string;
  /** TESTS ONLY: cheaper argon2id parameters. The app and the CLI always use OWASP's. */
  argon2?: Argon2Params;
  /** TESTS ONLY: override rule numbers (e.g. a shorter forgot-password padding). */
  limits?: Partial<Limits>;
  logger?: boolean;
}

export interface MockServer {
  app: FastifyInstance;
  ctx: MockContext;
}

/** Builds the server and its context without listening (tests use `app.inject`). */
export async function createMockServer(options: MockOptions = {}): Promise<MockServer> {
  const db = openMockDatabase(options.dataFile ?? ':memory:');
  const limits: Limits = { ...LIMITS, ...options.limits };
  const ctx: MockContext = {
    db,
    clock: options.clock ?? new ManualClock(),
    hasher: createArgon2Hasher(options.argon2),
    events: new DeviceEvents(),
    limits,
    throttle: new Throttles(limits),
    publicUrl: options.publicUrl ?? 'http://127.0.0.1',
    mailboxTokenHash: options.mailboxToken ? sha256(options.mailboxToken) : null,
    appBaseUrl: options.appBaseUrl?.replace(/\/+$/, ''),
  };
  // The app is read lazily by the guard: the port is known only once it listens.
  // eslint-disable-next-line prefer-const
  let app: FastifyInstance;
  const guard = mockGuardOptions(ctx, () => listeningPort(app));
  app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: LIMITS.bodyLimitBytes,
    // Loopback only: no proxy is trusted, so X-Forwarded-* cannot spoof the client IP.
    trustProxy: false,
    forceCloseConnections: true,
    // Node's parser failures (431, 400) and router failures get the same typed error shape.
    ...guardedServerOptions(guard),
  });
  // Spent and expired links and codes are scrubbed from the outbox at rest, not only when read.
  const sweep = setInterval(() => sweepOutbox(ctx), 60_000);
  sweep.unref();
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify hooks are async or take done(); this one needs no await.
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    db.close();
  });
  // One line per request in the app's log (debug; 5xx as errors). The path's query can carry a
  // link's token: electron/core/log redacts it before any sink sees it.
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode >= 500) log.error(`${request.method} ${request.url} ${reply.statusCode}`);
    else log.debug(`${request.method} ${request.url} ${reply.statusCode}`);
  });
  try {
    installErrorHandling(app, guard);
    // The simulated IdP page posts an ordinary HTML form.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: LIMITS.bodyLimitBytes },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    registerJson(app, ctx, 'health', () => ({ status: 'ok' as const, service: 'identity-mock', now: ctx.clock.now() }));
    hrmRoutes(app, ctx);
    hrmAdminRoutes(app, ctx);
    connectSignInRoutes(app, ctx);
    connectRecoveryRoutes(app, ctx);
    connectMfaRoutes(app, ctx);
    connectAccountRoutes(app, ctx);
    deviceRoutes(app, ctx);
    idpRoutes(app, ctx);
    mailboxRoutes(app, ctx);
    if (options.testControlToken) await testControlRoutes(app, ctx, options.testControlToken);
    if ((options.seedDemoData ?? true) && isEmpty(ctx)) await seedDemoData(ctx);
    await app.ready();
    return { app, ctx };
  } catch (e) {
    await app.close();
    throw e;
  }
}
