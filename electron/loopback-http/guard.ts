import type { Socket } from 'node:net';
import { STATUS_CODES, type IncomingMessage, type ServerOptions, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * What the two loopback servers (the identity mock and the browser host) share at the transport
 * level: a Host allowlist on every request, checked before anything else (so a DNS-rebinding page
 * whose name resolves to 127.0.0.1 gets nothing), and one typed answer for every failure the
 * framework or Node's HTTP parser produces (bad JSON, wrong media type, an over-long URL or
 * header, garbage on the socket), never Fastify's own error shape. Each server words these in its
 * own error catalogue through `answer`.
 */
export type TransportFailure =
  | 'bad-host'
  | 'malformed-json'
  | 'too-large'
  | 'unsupported-media-type'
  | 'headers-too-large'
  | 'not-found'
  | 'bad-request'
  | 'expectation-failed'
  | 'method-not-allowed'
  | 'timeout'
  | 'internal';

export interface TypedAnswer {
  status: number;
  /** The whole JSON body: `{ ok: false, error: { code, params? } }` in the server's catalogue. */
  body: { ok: false; error: { code: string; params?: Record<string, string | number | boolean> } };
}

export interface GuardOptions {
  /** `host:port` values this server answers to; read per request (the port is known only after listen). */
  allowedHosts(): readonly string[];
  answer(failure: TransportFailure): TypedAnswer;
}

/** Fastify's own errors (body parsing, routing) as transport failures; undefined for anything else. */
export function transportFailureOf(err: FastifyError): TransportFailure | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'too-large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'unsupported-media-type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'malformed-json';
    default:
      break;
  }
  if (err instanceof SyntaxError) return 'malformed-json';
  const status = err.statusCode ?? 500;
  if (status === 413) return 'too-large';
  if (status === 415) return 'unsupported-media-type';
  if (status >= 400 && status < 500) return 'bad-request';
  return undefined;
}

export function sendTyped(reply: FastifyReply, answer: TypedAnswer): FastifyReply {
  return reply.code(answer.status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(answer.body);
}

/** A typed answer written straight to a socket, for what Node handles before Fastify sees a request. */
function writeTyped(socket: Duplex, { status, body }: TypedAnswer): void {
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}

/**
 * Server options for Fastify: Node's parser failures (431 header overflow, which includes an
 * over-long URL, 400 garbage, 408 timeout) and router failures (bad URL encoding, over-long path
 * params) answered in the typed shape.
 */
export function guardedServerOptions(
  options: GuardOptions,
): Pick<FastifyServerOptions, 'clientErrorHandler' | 'frameworkErrors'> & { http: ServerOptions } {
  return {
    // A request without Host reaches the guard (a typed 421) instead of Node's own empty 400.
    http: { requireHostHeader: false },
    clientErrorHandler(err: Error & { code?: string }, socket: Socket) {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      const failure: TransportFailure =
        err.code === 'HPE_HEADER_OVERFLOW' ? 'headers-too-large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'timeout' : 'bad-request';
      writeTyped(socket, options.answer(failure));
    },
    frameworkErrors(_err, _req, reply) {
      void sendTyped(reply, options.answer('bad-request'));
    },
  };
}

export function hostAllowed(req: FastifyRequest, allowed: readonly string[]): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowed.includes(host.toLowerCase());
}

/**
 * Request forms that would let a request be judged by one reading and routed by another: Node
 * keeps only the first of several Host headers (RFC 9112 says answer 400), and routes an
 * absolute-form target (`GET http://other/path`) by its path while its authority, which RFC 9112
 * says replaces Host, is ignored. Only a proxy is sent absolute form, and these servers are none.
 */
function ambiguous(req: FastifyRequest): boolean {
  const raw = req.raw.rawHeaders;
  let hosts = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === 'host') hosts++;
  return hosts > 1 || !(req.raw.url ?? '').startsWith('/');
}

/**
 * The Host allowlist and the not-found answer (an `onRequest` hook: before the body is read), and
 * the fallback for framework errors. `onError` handles the server's own errors first (AppError) and
 * returns undefined for anything else.
 */
export function installGuard(
  app: FastifyInstance,
  options: GuardOptions & { onError?: (err: FastifyError, reply: FastifyReply) => FastifyReply | undefined },
): void {
  app.addHook('onRequest', async (req, reply) => {
    if (ambiguous(req)) return sendTyped(reply, options.answer('bad-request'));
    if (!hostAllowed(req, options.allowedHosts())) return sendTyped(reply, options.answer('bad-host'));
    // No route takes it (an unknown path, a method the route lacks): answered now, before Fastify
    // reads and parses a body nothing will use (no token is asked on a path that has no route).
    if (req.is404) return sendTyped(reply, options.answer('not-found'));
  });
  // What Node answers itself when nobody listens: an Expect it cannot meet (an empty 417) and
  // CONNECT (the socket closed without a word). Typed like everything else.
  app.server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
    const { status, body } = options.answer('expectation-failed');
    const json = JSON.stringify(body);
    res
      .writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(json),
        'cache-control': 'no-store',
        connection: 'close',
      })
      .end(json);
  });
  app.server.on('connect', (_req: IncomingMessage, socket: Duplex) => writeTyped(socket, options.answer('method-not-allowed')));
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const handled = options.onError?.(err, reply);
    if (handled) return handled;
    const failure = transportFailureOf(err);
    if (failure) return sendTyped(reply, options.answer(failure));
    request.log.error({ err }, 'unhandled error');
    return sendTyped(reply, options.answer('internal'));
  });
  app.setNotFoundHandler((_request, reply) => sendTyped(reply, options.answer('not-found')));
}

/** The loopback names a server on `port` answers to. */
export function loopbackHosts(port: number | string): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}
