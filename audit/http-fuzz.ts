/**
 * Fuzzes both loopback servers (the identity mock and the browser host) with hostile and broken
 * requests, as a local process or a DNS-rebinding page would send them: random methods, route
 * paths with hostile params, random content types, malformed / huge / deeply nested / empty
 * bodies, foreign Hosts, missing or wrong tokens, garbage on the socket. Every failure must be a
 * typed `{ ok: false, error: { code } }` with a catalogued code, never a 5xx, never Fastify's or
 * Node's own shape; a refused request must not have been parsed first (timed for 60 MB bodies).
 *
 * `npm run audit -- http-fuzz` (a few minutes: N requests per server, FUZZ_N to change).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientErrors } from '@shared/contract/errors';
import { identityErrors, identityRoutes } from '@shared/identity-api';
import { startBrowserHost } from '../electron/browser-host/server';
import { MemorySecretStore } from '../electron/core/secrets/memory-secret-store';
import { startIdentityMock } from '../electron/mock/start';
import { rawRequest } from '../tests/unit/support/raw-http';

const N = Number(process.env.FUZZ_N ?? 3000);
let seed = 20261202;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const HOSTILE_STRINGS = [
  '',
  'a',
  '%',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '<script>',
  "' OR 1=1 --",
  'x'.repeat(300),
  '\u202e',
  '%F0%9F%92%A9',
  '🙂',
  '-1',
  '1e309',
  'null',
  'constructor',
  '__proto__',
];
const METHODS = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'HEAD'];
const TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'text/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
  'garbage/;;',
];

function randomJson(depth = 0): unknown {
  const r = rnd();
  if (depth > 3 || r < 0.3) return pick([null, true, 1, -1, 1e308, 'x', pick(HOSTILE_STRINGS), 0.5]);
  if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => randomJson(depth + 1));
  return Object.fromEntries(
    Array.from({ length: Math.floor(rnd() * 5) }, () => [
      pick(['email', 'password', 'token', 'code', '__proto__', 'constructor', 'source', 'secret', 'x', 'language']),
      randomJson(depth + 1),
    ]),
  );
}

function randomBody(): string | undefined {
  const r = rnd();
  if (r < 0.1) return undefined;
  if (r < 0.2) return '';
  if (r < 0.3) return '{"unterminated": ';
  if (r < 0.35) return '['.repeat(5000);
  if (r < 0.4) return JSON.stringify({ big: 'x'.repeat(70 * 1024) });
  return JSON.stringify(randomJson());
}

interface Tally {
  requests: number;
  typed: number;
  ok: number;
  content: number;
  untyped: { status: number; body: string; req: string }[];
  fiveXx: number;
  /** A request without the right token, Host or origin form that got past the gates (an ok, a stream, a handler's own answer). */
  unauthorizedOk: { status: number; body: string; req: string }[];
}

/** Another spelling of the same path: letters percent-encoded (the router decodes them), or absolute form. */
function respell(path: string, port: number): string {
  const r = rnd();
  if (r < 0.5) return path.replace(/[a-z]/g, (c) => (rnd() < 0.3 ? `%${c.charCodeAt(0).toString(16)}` : c));
  if (r < 0.8) return `http://${pick([`127.0.0.1:${port}`, 'evil.example', `localhost:${port}`])}${path}`;
  return pick(['*', path.replace(/^\//, '//'), `${path}#frag`]);
}

/** Request-level oddities Node or Fastify might answer themselves, or that smuggle a second reading. */
function oddHeaders(ownHost: string): string {
  return pick([
    `Host: evil.example`,
    `Host: ${ownHost}`,
    'Expect: 200-ok',
    'Expect: 100-continue',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: gzip, chunked',
    'Transfer-Encoding: chunked, identity',
    'Transfer-Encoding : chunked',
    'X-Folded: a\r\n b',
    'Content-Length: -1',
    'Connection: Upgrade\r\nUpgrade: websocket',
  ]);
}

interface Server {
  /** Paths that must never reach their handler without `auth`. */
  protectedPath: (path: string) => boolean;
  /** A request every gate lets through when it is well formed (so a bypass shows as an answer). */
  wellFormed: { method: string; path: string; body?: string };
  /** The answers of the gates (Host, form, token): anything else means the request got past them. */
  isGateAnswer: (status: number, error: { code?: unknown; params?: Record<string, unknown> } | undefined, statusOnly: boolean) => boolean;
}

async function fuzz(
  name: string,
  port: number,
  ownHost: string,
  paths: string[],
  auth: string,
  codes: readonly string[],
  server: Server,
): Promise<Tally> {
  const { protectedPath } = server;
  const t: Tally = { requests: 0, typed: 0, ok: 0, content: 0, untyped: [], fiveXx: 0, unauthorizedOk: [] };
  for (let i = 0; i < N; i++) {
    // A third of the requests start well formed, so that a gate that fails lets them through.
    const template = rnd() < 0.33 ? server.wellFormed : null;
    const method = template?.method ?? pick(METHODS);
    const logical = template?.path ?? pick(paths);
    let path = logical.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(pick(HOSTILE_STRINGS)) || 'x');
    if (rnd() < 0.2) path += `?${pick(['token', 'recipient', 'state', 'key', 'x'])}=${encodeURIComponent(pick(HOSTILE_STRINGS))}`;
    const respelled = rnd() < 0.25;
    if (respelled) path = respell(path, port);
    const host = rnd() < 0.85 ? ownHost : pick(['evil.example', `evil.example:${port}`, '', '127.0.0.1', `localhost:${port + 1}`]);
    const body = method === 'GET' || method === 'HEAD' ? undefined : (template?.body ?? randomBody());
    const type = template ? 'application/json' : pick(TYPES);
    const withAuth = rnd() < 0.8;
    const odd = rnd() < 0.15 ? oddHeaders(ownHost) : '';
    const noHost = rnd() < 0.03;
    const headers = [
      noHost ? '' : `Host: ${host}`,
      withAuth ? auth : '',
      type && body !== undefined ? `Content-Type: ${type}` : '',
      rnd() < 0.1 ? `Origin: http://127.0.0.1:${port + 7}` : '',
      odd,
    ]
      .filter(Boolean)
      .join('\r\n');
    // What may answer ok: the right Host (once, no second one), origin form, the token where it is needed.
    const mayPass =
      !noHost &&
      host === ownHost &&
      !odd.startsWith('Host:') &&
      path.startsWith('/') &&
      (!protectedPath(logical) || (withAuth && auth !== ''));
    const bytes =
      rnd() < 0.03
        ? pick([
            'HELLO\r\n\r\n',
            `GET /${'a'.repeat(90_000)} HTTP/1.1\r\nHost: ${ownHost}\r\n\r\n`,
            `GET / HTTP/1.1\r\nHost: ${ownHost}\r\nX: ${'b'.repeat(70_000)}\r\n\r\n`,
          ])
        : odd.startsWith('Transfer-Encoding')
          ? // A chunked body, complete, so a request that waits for more is not what is measured.
            `${method} ${path} HTTP/1.1\r\n${headers ? `${headers}\r\n` : ''}Connection: close\r\n\r\n${body ? `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n` : ''}0\r\n\r\n`
          : `${method} ${path} HTTP/1.1\r\n${headers ? `${headers}\r\n` : ''}${body !== undefined ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : ''}Connection: close\r\n\r\n${body ?? ''}`;
    t.requests++;
    let answer;
    try {
      answer = await rawRequest(port, bytes, 5000);
    } catch (e) {
      t.untyped.push({ status: 0, body: String(e), req: bytes.slice(0, 120) });
      continue;
    }
    if (answer.status >= 500) t.fiveXx++;
    // Must have been stopped at a gate: anything but a gate's answer (an ok, a stream, a handler's
    // own error) means it got through. Garbage lines are judged by Node, not by the gates.
    const garbage = !bytes.startsWith(`${method} ${path} `);
    if (
      !mayPass &&
      !garbage &&
      (protectedPath(logical) || noHost || host !== ownHost || odd.startsWith('Host:') || !path.startsWith('/'))
    ) {
      // After a `100 Continue` the real answer follows in the same bytes.
      const final = answer.status === 100 ? /^HTTP\/1\.1 (\d{3})[^]*?\r\n\r\n([^]*)$/.exec(answer.body) : null;
      const status = final ? Number(final[1]) : answer.status;
      const text = final ? final[2]! : answer.body;
      let error: { code?: unknown; params?: Record<string, unknown> } | undefined;
      try {
        error = (JSON.parse(text) as { error?: typeof error }).error;
      } catch {
        error = undefined;
      }
      // HEAD answers carry no body: judged by their status alone.
      const gated = method === 'HEAD' && !text ? server.isGateAnswer(status, undefined, true) : server.isGateAnswer(status, error, false);
      if (!gated) t.unauthorizedOk.push({ status, body: text.slice(0, 120), req: bytes.slice(0, 160) });
    }
    const isJson = (answer.headers['content-type'] ?? '').startsWith('application/json');
    // The launch address's refusal is a page for a person in a browser, by design.
    const launchPage = bytes.includes(' /launch') && (answer.headers['content-type'] ?? '').startsWith('text/html');
    if ((answer.status < 400 && (!isJson || method === 'HEAD')) || launchPage) {
      t.content++; // an HTML page, a redirect, a static file, an event stream
      continue;
    }
    try {
      const parsed = JSON.parse(answer.body) as { ok?: unknown; error?: { code?: unknown } };
      if (parsed.ok === true) t.ok++;
      else if (parsed.ok === false && codes.includes(String(parsed.error?.code))) t.typed++;
      else t.untyped.push({ status: answer.status, body: answer.body.slice(0, 160), req: bytes.slice(0, 120) });
    } catch {
      if (method === 'HEAD' && answer.status >= 400)
        t.typed++; // HEAD answers carry no body by definition
      else t.untyped.push({ status: answer.status, body: answer.body.slice(0, 160), req: bytes.slice(0, 120) });
    }
  }
  console.log(
    `${name}: ${t.requests} requests, ${t.typed} typed failures, ${t.ok} ok results, ${t.content} pages/files, ${t.untyped.length} untyped, ${t.fiveXx} 5xx, ` +
      `${t.unauthorizedOk.length} got past the Host, form or token gate`,
  );
  for (const u of t.untyped.slice(0, 5)) console.log(`  untyped ${u.status}: ${u.body} <- ${JSON.stringify(u.req)}`);
  for (const u of t.unauthorizedOk.slice(0, 5)) console.log(`  unauthorized ${u.status}: ${u.body} <- ${JSON.stringify(u.req)}`);
  return t;
}

const dir = mkdtempSync(join(tmpdir(), 'flex-fuzz-'));
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Flex</title>');
const mock = await startIdentityMock({ port: 0, seedDemoData: true });
const host = await startBrowserHost({ dataDir: join(dir, 'data'), rendererDir, secretStore: new MemorySecretStore() });
try {
  const mockPort = Number(new URL(mock.url).port);
  const hostPort = Number(new URL(host.origin).port);
  const mockPaths = [...Object.values(identityRoutes).map((r) => r.path), '/', '/nope', '/mailbox', '/test/reset'];
  const channels = [
    'vault.listAccounts',
    'vault.addAccount',
    'vault.deleteAccount',
    'settings.updateSettings',
    'session.view',
    'scan.scanImage',
    'no.such',
    '__proto__',
  ];
  const hostPaths = [...channels.map((c) => `/api/invoke/${c}`), '/api/events', '/launch', '/', '/assets/x.js', '/api/nothing'];
  // The mock's own routes check their Bearer tokens (the fuzz holds none that is valid): there only Host and form are judged.
  const m = await fuzz(
    'identity mock',
    mockPort,
    `127.0.0.1:${mockPort}`,
    mockPaths,
    `Authorization: Bearer ${'A'.repeat(43)}`,
    Object.keys(identityErrors),
    {
      protectedPath: () => false,
      wellFormed: { method: 'POST', path: '/connect/discover', body: '{"email":"karin.nordin@nordbolaget.se"}' },
      isGateAnswer: (status, e, statusOnly) =>
        [400, 404, 405, 413, 417, 421, 431].includes(status) &&
        (statusOnly ||
          ['request.bad-host', 'request.too-large', 'not-found']
            .concat(e?.params?.field === undefined ? ['request.invalid'] : [])
            .includes(String(e?.code))),
    },
  );
  const b = await fuzz(
    'browser host',
    hostPort,
    `127.0.0.1:${hostPort}`,
    hostPaths,
    `Authorization: Bearer ${host.token}`,
    Object.keys(clientErrors),
    {
      protectedPath: (p) => p.startsWith('/api/'),
      wellFormed: { method: 'POST', path: '/api/invoke/vault.listAccounts', body: '{}' },
      isGateAnswer: (status, e, statusOnly) =>
        [400, 401, 404, 405, 413, 417, 421, 431].includes(status) &&
        (statusOnly || ['host.unauthorized', 'host.bad-request'].includes(String(e?.code))),
    },
  );

  // The token (and Host) before the body: 60 MB promised, never sent, must be refused at once.
  const started = Date.now();
  const early = await rawRequest(
    hostPort,
    `POST /api/invoke/vault.listAccounts HTTP/1.1\r\nHost: 127.0.0.1:${hostPort}\r\nContent-Type: application/json\r\nContent-Length: ${60 * 1024 * 1024}\r\n\r\n{`,
    5000,
  );
  console.log(
    `browser host: 60 MB body without the token refused with ${early.status} after ${Date.now() - started} ms, before the body was sent`,
  );

  const failed =
    m.untyped.length +
    m.fiveXx +
    m.unauthorizedOk.length +
    b.untyped.length +
    b.fiveXx +
    b.unauthorizedOk.length +
    (early.status === 401 ? 0 : 1);
  process.exit(failed === 0 ? 0 : 1);
} finally {
  await host.close();
  await mock.close();
}
