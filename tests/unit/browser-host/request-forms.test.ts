import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientErrors } from '@shared/contract/errors';
import { identityErrors } from '@shared/identity-api/errors';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { startIdentityMock, type RunningMock } from '../../../electron/mock/start';
import { rawRequest, type RawAnswer } from '../support/raw-http';

/**
 * Hardening round 2 (issue 10, own adversarial round): request forms that reach a route by another
 * spelling of its address, or that Node answers itself before either server sees them.
 * - The browser host checked its token by `req.url.startsWith('/api/')`, but the router matches the
 *   decoded path: `POST /%61pi/invoke/vault.listAccounts` and an absolute-form target
 *   `POST http://evil.example/api/invoke/vault.listAccounts` ran the channel with no token at all.
 * - A second Host header was dropped by Node (the first one wins), an absolute-form target's
 *   authority was ignored, and a request with no Host, an `Expect` other than 100-continue or a
 *   CONNECT got Node's own empty 400 / 417 or no answer: not the typed shape.
 */
let host: BrowserHost;
let mock: RunningMock;
let hostPort: number;
let mockPort: number;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flex-forms-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Flex</title>');
  host = await startBrowserHost({ dataDir: join(dir, 'data'), rendererDir, secretStore: new MemorySecretStore() });
  mock = await startIdentityMock({ port: 0, seedDemoData: false });
  hostPort = Number(new URL(host.origin).port);
  mockPort = Number(new URL(mock.url).port);
});
afterAll(async () => {
  await host.close();
  await mock.close();
});

const post = (target: string, hostHeader: string, extra = '') =>
  `POST ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\n${extra}Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`;

function typed(answer: RawAnswer, codes: readonly string[]): { status: number; code: string } {
  const body = JSON.parse(answer.body) as { ok: boolean; error?: { code: string } };
  expect(body.ok, answer.body).toBe(false);
  expect(codes).toContain(body.error!.code);
  return { status: answer.status, code: body.error!.code };
}

describe('the browser host token holds for every spelling of an API address', () => {
  const spellings = (h: string) => [
    '/%61pi/invoke/vault.listAccounts',
    '/api/invoke/%76ault.list',
    '/%61%70%69/invoke/vault.listAccounts',
    `http://${h}/api/invoke/vault.listAccounts`,
    'http://evil.example/api/invoke/vault.listAccounts',
  ];

  it('no spelling of /api/invoke runs a channel without the token (was: /%61pi/... and absolute-form answered ok)', async () => {
    const h = `127.0.0.1:${hostPort}`;
    for (const target of spellings(h)) {
      const answer = await rawRequest(hostPort, post(target, h));
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      typed(answer, Object.keys(clientErrors));
    }
  });

  it('no spelling of /api/events opens the event stream without the token', async () => {
    const h = `127.0.0.1:${hostPort}`;
    for (const target of ['/%61pi/events', '/api/%65vents', `http://${h}/api/events`]) {
      const answer = await rawRequest(hostPort, `GET ${target} HTTP/1.1\r\nHost: ${h}\r\nConnection: close\r\n\r\n`);
      expect(answer.status, target).toBe(target.startsWith('http') ? 400 : 401);
    }
  });

  it('the token still opens every spelling that is in origin form', async () => {
    const h = `127.0.0.1:${hostPort}`;
    const answer = await rawRequest(hostPort, post('/%61pi/invoke/vault.listAccounts', h, `Authorization: Bearer ${host.token}\r\n`));
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
  });
});

describe('both loopback servers answer odd request forms in their typed shape', () => {
  const servers = () => [
    { name: 'identity mock', port: mockPort, path: '/health', codes: Object.keys(identityErrors) },
    { name: 'browser host', port: hostPort, path: '/api/invoke/vault.listAccounts', codes: Object.keys(clientErrors) },
  ];

  it('a second Host header is refused, whichever comes first (was: the first one won)', async () => {
    for (const s of servers()) {
      const own = `127.0.0.1:${s.port}`;
      for (const [first, second] of [
        [own, 'evil.example'],
        ['evil.example', own],
        [own, own],
      ] as const) {
        const answer = await rawRequest(s.port, `GET ${s.path} HTTP/1.1\r\nHost: ${first}\r\nHost: ${second}\r\nConnection: close\r\n\r\n`);
        expect(typed(answer, s.codes).status, `${s.name}: ${first} + ${second}`).toBe(400);
      }
    }
  });

  it('an absolute-form target is refused, whatever authority it names (was: routed, its authority ignored)', async () => {
    for (const s of servers()) {
      const own = `127.0.0.1:${s.port}`;
      for (const authority of [own, 'evil.example']) {
        const answer = await rawRequest(s.port, `GET http://${authority}${s.path} HTTP/1.1\r\nHost: ${own}\r\nConnection: close\r\n\r\n`);
        expect(typed(answer, s.codes).status, `${s.name}: ${authority}`).toBe(400);
      }
    }
  });

  it("no Host at all is a typed 421 (was: Node's empty 400)", async () => {
    for (const s of servers()) {
      const answer = await rawRequest(s.port, `GET ${s.path} HTTP/1.1\r\nConnection: close\r\n\r\n`);
      expect(typed(answer, s.codes).status, s.name).toBe(421);
    }
  });

  it("an Expect other than 100-continue is a typed 417 (was: Node's empty 417)", async () => {
    for (const s of servers()) {
      const answer = await rawRequest(s.port, post(s.path, `127.0.0.1:${s.port}`, 'Expect: 200-ok\r\n'));
      expect(typed(answer, s.codes).status, s.name).toBe(417);
    }
  });

  it('CONNECT is a typed 405 (was: the connection closed with no answer)', async () => {
    for (const s of servers()) {
      const own = `127.0.0.1:${s.port}`;
      const answer = await rawRequest(s.port, `CONNECT ${own} HTTP/1.1\r\nHost: ${own}\r\n\r\n`);
      expect(typed(answer, s.codes).status, s.name).toBe(405);
    }
  });
});

describe('a request no route takes is answered before its body is read', () => {
  // The headers promise a body that never comes: an answer can only be the early refusal.
  // Was: an unknown path or a method a route lacks read the body first (up to 64 MB on the
  // browser host), with no token needed, before its 404.
  const promised = (method: string, path: string, host: string, bytes: number) =>
    `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n{"a":`;

  it('browser host: unknown paths and methods, with or without the token', async () => {
    const h = `127.0.0.1:${hostPort}`;
    for (const [method, path] of [
      ['POST', '/api/nothing'],
      ['PUT', '/api/invoke/vault.listAccounts'],
      ['POST', '/'],
      ['POST', '/launch'],
      ['POST', '/no/such/page'],
    ]) {
      const answer = await rawRequest(hostPort, promised(method!, path!, h, 60 * 1024 * 1024), 2000);
      expect(answer.status, `${method} ${path}`).toBe(404);
      typed(answer, Object.keys(clientErrors));
    }
  });

  it('identity mock: unknown paths and methods (a body under its 64 KB limit, which a bigger one meets at once)', async () => {
    const h = `127.0.0.1:${mockPort}`;
    for (const [method, path] of [
      ['POST', '/nothing'],
      ['PUT', '/connect/discover'],
      ['POST', '/mailbox'],
    ]) {
      const answer = await rawRequest(mockPort, promised(method!, path!, h, 60_000), 2000);
      expect(answer.status, `${method} ${path}`).toBe(404);
      typed(answer, Object.keys(identityErrors));
    }
  });
});
