import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppInfo } from '@shared/contract';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { createAppCore, type AppCore } from '../core/app-core';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';
import type { SecretStore } from '../core/secrets/secret-store';
import { startIdentityMock } from '../mock/start';

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
  /** The address to open, carrying the per-run token in its fragment (never sent to the server in logs). */
  url: string;
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
 * 127.0.0.1. Every API request must carry this run's random token, and the Host header must be
 * ours, so neither another local web page nor a DNS-rebinding site can drive it.
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
    secretStore,
    ...(credentialStore ? { credentialStore } : {}),
    // No ScreenSource: the page captures with getDisplayMedia and sends the picture to scan.image.
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

  const app = Fastify({ bodyLimit: 64 * 1024 * 1024, logger: false });
  let origin = '';
  const tokenBytes = Buffer.from(token);
  const authorized = (header: string | undefined, host: string | undefined): boolean => {
    if (!host || `http://${host}` !== origin) return false;
    const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  app.addHook('onSend', async (_req, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    // The page captures the screen itself for the QR reader (no ScreenSource here); nothing else.
    reply.header('Permissions-Policy', 'display-capture=(self), camera=(), microphone=(), geolocation=()');
  });

  app.post<{ Params: { channel: string } }>('/api/invoke/:channel', async (req, reply) => {
    if (!authorized(req.headers.authorization, req.headers.host)) return reply.code(401).send({ ok: false, error: { code: 'host.unauthorized' } });
    return core.dispatch(req.params.channel, req.body);
  });

  // Open event streams never end on their own; close() ends them so the server can stop.
  const streams = new Set<ServerResponse>();
  app.get<{ Querystring: { token?: string } }>('/api/events', (req, reply) => {
    // EventSource cannot set headers, so the token comes in the query string here.
    if (!authorized(req.query.token, req.headers.host)) return reply.code(401).send({ ok: false, error: { code: 'host.unauthorized' } });
    reply.hijack();
    streams.add(reply.raw);
    reply.raw.on('close', () => streams.delete(reply.raw));
    reply.raw.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    reply.raw.write(': connected\n\n');
    const unsubscribe = core.events.subscribe((event, payload) => {
      reply.raw.write(`event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`);
    });
    const ping = setInterval(() => reply.raw.write(': ping\n\n'), 15_000);
    req.raw.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  });

  await app.register(fastifyStatic, { root: rendererDir, prefix: '/', index: ['index.html'] });

  const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  origin = address.replace('localhost', '127.0.0.1');
  return {
    url: `${origin}/#/?token=${token}`,
    origin,
    token,
    core,
    mock: { url: mock.url, testControlToken: options.testControlToken ?? null },
    async close() {
      for (const stream of streams) stream.end();
      await app.close();
      // The keychain is written through in the background: a restart must find the last change.
      await core.shutdown();
      core.close();
      await mock.close();
    },
  };
}
