import type { AddressInfo } from 'node:net';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { expect } from 'vitest';
import { ManualClock } from '@shared/clock';
import { identityRoutes, pathFor, type IdentityRouteName, type RouteValue } from '@shared/identity-api';
import type { WireError } from '@shared/identity-api';
import { createMockServer, type MockOptions } from '../../../electron/mock/server';
import type { MockContext } from '../../../electron/mock/context';

/** Cheap argon2id for tests only (the option is documented as test-only in server.ts). */
export const FAST_ARGON2 = { memoryCost: 256, timeCost: 1, parallelism: 1 };
export const START = Date.UTC(2025, 5, 25, 13, 14);
export const TEST_CONTROL_TOKEN = 'test-control-token-for-unit-tests';
export const HRM_PASSWORD = 'Demo1234!';
export const CONNECT_PASSWORD = 'Connect-2025!';
export const DEVICE = { name: 'Nexus 5', browser: 'Chrome Mobile 138.0', country: 'Sweden' };

export interface CallInput {
  body?: unknown;
  query?: Record<string, string>;
  params?: Record<string, string>;
  token?: string;
  headers?: Record<string, string>;
}

export interface Harness {
  app: FastifyInstance;
  ctx: MockContext;
  clock: ManualClock;
  /** Raw call: status and parsed JSON body. */
  call(name: IdentityRouteName, input?: CallInput): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: WireError } }>;
  /** Expects success and parses the value with the route's response schema (the contract). */
  ok<N extends IdentityRouteName>(name: N, input?: CallInput): Promise<RouteValue<N>>;
  /** Expects failure and returns the error. */
  fail(name: IdentityRouteName, input?: CallInput): Promise<WireError & { status: number }>;
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function harness(options: MockOptions = {}): Promise<Harness> {
  // Frozen base time: only advance() moves it, so expiry edges are exact.
  const clock = new ManualClock({ now: () => START });
  const { app, ctx } = await createMockServer({
    clock,
    argon2: FAST_ARGON2,
    testControlToken: TEST_CONTROL_TOKEN,
    limits: { forgotPasswordMinMs: 120 },
    ...options,
  });
  // The mock answers only its own Host (DNS-rebinding guard): its public URL's, 127.0.0.1 here.
  // Every inject in the tests goes through this, unless a test names another Host on purpose.
  const inject = app.inject.bind(app) as (opts: InjectOptions) => ReturnType<FastifyInstance['inject']>;
  const ownHost = () => (app.server.listening ? `127.0.0.1:${(app.server.address() as AddressInfo).port}` : new URL(ctx.publicUrl).host);
  app.inject = ((opts: InjectOptions) =>
    inject({ ...opts, headers: { host: ownHost(), ...opts.headers } })) as unknown as FastifyInstance['inject'];
  const call: Harness['call'] = async (name, input = {}) => {
    const route = identityRoutes[name];
    const qs = input.query ? `?${new URLSearchParams(input.query).toString()}` : '';
    const headers: Record<string, string> = { ...input.headers };
    if (input.token) headers.authorization = `Bearer ${input.token}`;
    if (route.auth === 'test-control' && !('x-test-control-token' in headers)) headers['x-test-control-token'] = TEST_CONTROL_TOKEN;
    const res = await app.inject({
      method: route.method,
      url: pathFor(route.path, input.params) + qs,
      headers,
      ...(input.body !== undefined ? { payload: input.body as object } : {}),
    });
    return { status: res.statusCode, body: res.json() };
  };
  const h: Harness = {
    app,
    ctx,
    clock,
    call,
    async ok(name, input) {
      const res = await call(name, input);
      if (!res.body.ok) throw new Error(`${name} failed: ${res.status} ${JSON.stringify(res.body.error)}`);
      expect(res.status).toBe(200);
      const route = identityRoutes[name] as { response?: { parse(v: unknown): unknown } };
      return route.response!.parse(res.body.value) as RouteValue<typeof name>;
    },
    async fail(name, input) {
      const res = await call(name, input);
      if (res.body.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(res.body.value)}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      return { ...res.body.error!, status: res.status };
    },
    advance: (ms) => clock.advance(ms),
    close: () => app.close(),
  };
  return h;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Outbox messages to a recipient, newest first. */
export async function outbox(h: Harness, recipient: string) {
  return (await h.ok('testOutbox', { query: { recipient } })).messages;
}

export async function latestMail(h: Harness, recipient: string) {
  const [m] = await outbox(h, recipient);
  if (!m) throw new Error(`No message to ${recipient}`);
  return m;
}

/** The 6-digit code in the latest message to `recipient`. */
export async function latestCode(h: Harness, recipient: string): Promise<string> {
  const m = await latestMail(h, recipient);
  const code = /\b(\d{6})\b/.exec(m.text)?.[1];
  if (!code) throw new Error(`No code in ${m.text}`);
  return code;
}

export function tokenFromLink(url: string): string {
  const t = new URL(url).searchParams.get('token');
  if (!t) throw new Error(`No token in ${url}`);
  return t;
}

export function totpCode(secretBase32: string, atMs: number): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32.replace(/\s/g, '')), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: atMs,
  });
}

export async function hrmSignIn(h: Harness, userId: string): Promise<string> {
  return (await h.ok('hrmSignIn', { body: { userId, password: HRM_PASSWORD } })).token;
}

/** Signs in a seeded password account without 2FA; returns the Connect session token. */
export async function connectSignIn(h: Harness, email: string, password = CONNECT_PASSWORD): Promise<string> {
  const r = await h.ok('signInPassword', { body: { email, password, device: DEVICE } });
  if (r.status !== 'signed-in') throw new Error('expected signed-in');
  return r.session.token;
}

export async function humanToken(h: Harness): Promise<string> {
  return (await h.ok('humanCheck', { body: { notARobot: true } })).humanToken;
}
