import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { AppInfo } from '@shared/contract';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { createAppCore, type AppCore } from '../core/app-core';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';
import type { SecretStore } from '../core/secrets/secret-store';
import { startIdentityMock } from '../mock/start';
import { sameSecret } from '../loopback-http/same-secret';
import { guardedServerOptions, installGuard, loopbackHosts, sendTyped, type GuardOptions } from '../loopback-http/guard';
import { HOST_ANSWERS, LAUNCH_USED_PAGE, LaunchKeys } from './access';
import { PageStreams } from './page-streams';

export interface BrowserHostOptions {
  port?: number;
  dataDir: string;
  rendererDir?: string;
  /** Defaults to the real OS keychain under this service name. */
  keychainService?: string;
  secretStore?: SecretStore;
  /** The session's credentials (push device, remembered devices); defaults to "<keychainService> credentials". */
  credentialStore?: SecretStore;
  info?: Partial<AppInfo>;
  /** Enables the embedded identity mock's test-control routes (reset, outbox, clock) with this token. */
  testControlToken?: string;
}

export interface BrowserHost {
  /**
   * An address to open: a new single-use launch key each time it is read, which the host
   * exchanges for its HttpOnly cookie and then drops from the address bar.
   */
  readonly url: string;
  origin: string;
  token: string;
  core: AppCore;
  /** The embedded identity mock (the default server); its test control only with a token. */
  mock: { url: string; testControlToken: string | null };
  close(): Promise<void>;
}

/**
 * The dev/test composition root: the same core services and contract handlers as Electron main,
 * carried over HTTP (POST /api/invoke/:channel) and server-sent events (GET /api/events) on
 * 127.0.0.1. Every API request must carry this run's random token (in an HttpOnly cookie set by
 * the launch address), come from our own origin, and name our Host, so neither another local web
 * page nor a DNS-rebinding site can drive it. Every answer is a typed `{ ok, ... }` result.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(32).toString('base64url');
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing): run "npm run build" first.`);
  }
  const service = options.keychainService ?? 'Flex HRM Connect';
  const secretStore = options.secretStore ?? new KeytarSecretStore(service);
  // A host given an in-memory vault (unit tests) keeps its credentials in memory too.
  const credentialStore = options.credentialStore ?? (options.secretStore ? undefined : new KeytarSecretStore(`${service} credentials`));
  mkdirSync(options.dataDir, { recursive: true });
  const mock = await startIdentityMock({
    port: 0,
    dataFile: join(options.dataDir, 'mock.db'),
    ...(options.testControlToken ? { testControlToken: options.testControlToken } : {}),
  });
  const core = await createAppCore({
    dataDir: options.dataDir,
    embeddedServerUrl: mock.url,
    embeddedMailboxToken: mock.mailboxToken,
    secretStore,
    ...(credentialStore ? { credentialStore } : {}),
    ...(credentialStore ? { backupKeyStore: new KeytarSecretStore(`${service} backups`) } : {}),
    // No ScreenSource: the page captures with getDisplayMedia and sends the picture to scan.scanImage.
    screenSource: null,
    info: {
      name: 'Flex HRM Connect',
      version: process.env.npm_package_version ?? '0.0.0',
      platform: process.platform,
      host: 'browser-host',
      systemLocale: /^sv/i.test(Intl.DateTimeFormat().resolvedOptions().locale) ? 'sv' : 'en',
      screenCapture: 'renderer',
      ...options.info,
    },
  });

  let origin = '';
  let cookieName = '';
  const isToken = (given: string | undefined): boolean => sameSecret(given ?? '', token);
  /**
   * The page's access: the HttpOnly cookie the launch address set (a page's script never sees
   * the token), or, for scripts and tests, `Authorization: Bearer`. A request from another
   * origin (a page on another local port is same-site, so SameSite alone does not stop it) is
   * refused by its Origin header.
   */
  const authorized = (req: FastifyRequest): boolean => {
    const from = req.headers.origin;
    if (from !== undefined && from !== origin) return false;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return isToken(req.cookies[cookieName]) || isToken(bearer);
  };
  const launch = new LaunchKeys();
  const guard: GuardOptions = {
    allowedHosts: () => loopbackHosts(new URL(origin).port),
    answer: (failure) => HOST_ANSWERS[failure],
  };

  // Closing the host stops it now: a page's keep-alive connection that was busy when close() began
  // would otherwise hold the close for Fastify's 72 s keep-alive timeout (a restart in the tests).
  const app = Fastify({ bodyLimit: 64 * 1024 * 1024, logger: false, forceCloseConnections: true, ...guardedServerOptions(guard) });
  await app.register(fastifyCookie);
  // Host first (every route), then the token (the API's own scope below), both before the body is read.
  installGuard(app, guard);

  app.addHook('onSend', async (_req, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    // The page captures the screen itself for the QR reader (no ScreenSource here); nothing else.
    reply.header('Permissions-Policy', 'display-capture=(self), camera=(), microphone=(), geolocation=()');
  });

  /**
   * The launch address: a single-use key exchanged for the HttpOnly, SameSite=Strict cookie, then
   * a redirect to the app with nothing secret in the address. Chromium's history keeps only the
   * spent key; link tokens (`#/link/...?token=`) and the host's token never share the address bar.
   */
  app.get<{ Querystring: { key?: string } }>('/launch', (req, reply) => {
    reply.header('cache-control', 'no-store');
    if (launch.redeem(req.query.key)) {
      void reply.setCookie(cookieName, token, { httpOnly: true, sameSite: 'strict', path: '/' });
      return reply.redirect('/#/', 303);
    }
    // A spent key in a tab that already has the cookie (a reload of the launch address) is fine.
    if (isToken(req.cookies[cookieName])) return reply.redirect('/#/', 303);
    return reply.code(401).type('text/html; charset=utf-8').send(LAUNCH_USED_PAGE);
  });

  /** The pages' ordered streams (page-streams.ts); close() ends them so the server can stop. */
  const streams = new PageStreams(core.events);
  /**
   * The API in its own scope, so the token check is a hook of the routes themselves: it runs for
   * whatever spelling of the address the router matched (it decodes `/%61pi/...`), which a test
   * on the raw URL missed.
   */
  // eslint-disable-next-line @typescript-eslint/require-await -- a Fastify plugin is async or takes done(); this one needs no await.
  await app.register(async (api) => {
    api.addHook('onRequest', async (req, reply) => {
      if (!authorized(req)) return sendTyped(reply, HOST_ANSWERS.unauthorized);
    });
    api.post<{ Params: { channel: string }; Querystring: { stream?: string; call?: string } }>('/api/invoke/:channel', async (req) => {
      // The page's stream, named before the call runs: the events the call causes go there before its answer.
      const call = Number(req.query.call);
      const toStream = Number.isSafeInteger(call) ? streams.forCall(req.query.stream) : null;
      const result = await core.dispatch(req.params.channel, req.body);
      toStream?.({ answer: call, result });
      return result;
    });
    /**
     * One ordered stream per page (`?stream=` the id the page chose; without one the host makes
     * one): its id first, then the events and the answers to the calls that name it, in the order
     * main produced them, so an answer never overtakes the event its call caused (or the other
     * way round). The first stream also gets the events main held while none was listening.
     * No HEAD twin: a HEAD would open a stream that sends no body and never ends.
     */
    api.get<{ Querystring: { stream?: string } }>('/api/events', { exposeHeadRoute: false }, (req, reply) => {
      // A malformed id, or one whose stream is open already (another page's).
      if (!streams.accepts(req.query.stream)) return sendTyped(reply, HOST_ANSWERS['bad-request']);
      reply.hijack();
      streams.connect(req.query.stream, reply.raw);
      return reply;
    });
  });

  await app.register(fastifyStatic, { root: rendererDir, prefix: '/', index: ['index.html'] });

  const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  origin = address.replace('localhost', '127.0.0.1');
  // Cookies are not kept apart by port: one name per host, so two hosts never share a cookie.
  cookieName = `flex-host-${new URL(origin).port}`;
  return {
    get url() {
      return `${origin}/launch?key=${launch.issue()}`;
    },
    origin,
    token,
    core,
    mock: { url: mock.url, testControlToken: options.testControlToken ?? null },
    async close() {
      streams.close();
      await app.close();
      // The keychain is written through in the background: a restart must find the last change.
      await core.shutdown();
      core.close();
      await mock.close();
    },
  };
}
