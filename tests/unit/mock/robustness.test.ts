import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityRoutes, pathFor, type IdentityRouteName } from '@shared/identity-api';
import { harness, TEST_CONTROL_TOKEN, type Harness } from './helpers';

/** Deterministic pseudo-random source, so a failing input can be reproduced. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const GARBAGE_BODIES: string[] = [
  '',
  '{',
  'null',
  '[]',
  '"just a string"',
  '12345',
  'true',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"email":{"$ne":null},"password":{"$gt":""}}',
  '{"email":"a@b.se","password":123}',
  '{"email":"' + 'a'.repeat(5000) + '@x.se"}',
  '{"code":"12345678901234567890"}',
  '{"ticket":"../../etc/passwd","factor":"totp","code":"000000"}',
  '{"token":"\u0000\u0001\u0002"}',
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
  '\u00ff\u00fe garbage \ud800',
];

function randomJson(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 8);
  if (depth > 3) return 'x';
  switch (pick) {
    case 0:
      return null;
    case 1:
      return r() * 1e9 - 5e8;
    case 2:
      return r() > 0.5;
    case 3:
      return 'x'.repeat(Math.floor(r() * 300));
    case 4:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomJson(r, depth + 1));
    case 5:
      return { email: 'a@b.se', code: String(Math.floor(r() * 1e6)), extra: randomJson(r, depth + 1) };
    case 6:
      return { state: 'A'.repeat(43), approve: r() > 0.5, decision: 'approve' };
    default:
      return Object.fromEntries(
        ['email', 'password', 'code', 'ticket', 'token', 'enrolmentId', 'phone', 'kind', 'factor'].map((k) => [
          k,
          randomJson(r, depth + 1),
        ]),
      );
  }
}

const MAILBOX_TOKEN = 'mailbox-token-for-unit-tests-0123456789abcdef';

describe('Malformed and hostile input never causes a 5xx', () => {
  let h: Harness;
  let hrmToken: string;
  beforeAll(async () => {
    h = await harness();
    hrmToken = (await h.ok('hrmSignIn', { body: { userId: 'maria', password: 'Demo1234!' } })).token;
  });
  afterAll(() => h.close());

  it('fuzzes every route with garbage bodies, queries, params and auth', async () => {
    const r = rng(42);
    const names = Object.keys(identityRoutes) as IdentityRouteName[];
    let calls = 0;
    for (const name of names) {
      const route = identityRoutes[name];
      const params = Object.fromEntries(
        [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => [m[1]!, ['x', '%00', '..%2F..', 'A'.repeat(300), 'ä'][Math.floor(r() * 5)]!]),
      );
      const bodies =
        route.method === 'GET' ? [undefined] : [...GARBAGE_BODIES, ...Array.from({ length: 8 }, () => JSON.stringify(randomJson(r)))];
      for (const body of bodies) {
        for (const auth of [undefined, 'Bearer x', `Bearer ${hrmToken}`, 'Basic Zm9vOmJhcg==']) {
          const url = pathFor(route.path, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, decodeURIComponent(v)])));
          const res = await h.app.inject({
            method: route.method,
            url: `${url}?email=%ZZ&recipient[]=1&state=${'Z'.repeat(50)}&token=&preset=none`,
            headers: {
              ...(auth ? { authorization: auth } : {}),
              'x-test-control-token': r() > 0.5 ? TEST_CONTROL_TOKEN : 'wrong',
              ...(body !== undefined ? { 'content-type': r() > 0.9 ? 'text/plain' : 'application/json' } : {}),
            },
            ...(body !== undefined ? { payload: body } : {}),
          });
          calls++;
          expect(res.statusCode, `${name} ${body?.slice(0, 60)}`).toBeLessThan(500);
          if (res.headers['content-type']?.toString().startsWith('application/json')) {
            const json = res.json<{ ok: boolean; error?: { code: string } }>();
            expect(typeof json.ok, `${name} ${res.body.slice(0, 200)}`).toBe('boolean');
            if (!json.ok) expect(json.error?.code).toMatch(/^[a-z-]+(\.[a-z-]+)*$/);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(1000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('maps parser failures to stable codes', async () => {
    const post = (payload: string, type = 'application/json') =>
      h.app.inject({ method: 'POST', url: '/connect/discover', headers: { 'content-type': type }, payload });
    expect((await post('{')).json()).toEqual({ ok: false, error: { code: 'request.malformed-json' } });
    expect((await post('{"email":"a@b.se"}', 'application/xml')).json()).toEqual({
      ok: false,
      error: { code: 'request.unsupported-media-type' },
    });
    const big = await post(JSON.stringify({ email: 'a@b.se', pad: 'x'.repeat(70 * 1024) }));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({ ok: false, error: { code: 'request.too-large' } });
    const invalid = await post('{"email":"not-an-email"}');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ ok: false, error: { code: 'request.invalid', params: { field: 'body.email' } } });
    const extra = await post('{"email":"a@b.se","admin":true}');
    expect(extra.json()).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
    const missing = await h.app.inject({ method: 'GET', url: '/no/such/route' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ ok: false, error: { code: 'not-found' } });
  });

  it('health answers 200 with JSON', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, value: { status: 'ok', service: 'identity-mock' } });
  });
});

describe('Test control', () => {
  it('is 404 without a configured token, and 404 with a wrong one', async () => {
    const off = await harness({ testControlToken: undefined });
    const on = await harness();
    try {
      for (const name of ['testReset', 'testOutbox', 'testClock', 'testClockAdvance', 'testAudit'] as const) {
        const route = identityRoutes[name];
        const payload = route.method === 'POST' ? { ms: 1000 } : undefined;
        const withToken = await off.app.inject({
          method: route.method,
          url: route.path,
          headers: { 'x-test-control-token': TEST_CONTROL_TOKEN },
          ...(payload ? { payload } : {}),
        });
        expect(withToken.statusCode, name).toBe(404);
        const wrong = await on.app.inject({
          method: route.method,
          url: route.path,
          headers: { 'x-test-control-token': 'nope' },
          ...(payload ? { payload } : {}),
        });
        expect(wrong.statusCode, name).toBe(404);
        expect(wrong.json()).toEqual({ ok: false, error: { code: 'not-found' } });
      }
    } finally {
      await off.close();
      await on.close();
    }
  });

  it('resets and reseeds, reads the outbox, moves the clock, reads audit events', async () => {
    const h = await harness({ mailboxToken: MAILBOX_TOKEN });
    try {
      const maria = (await h.ok('hrmSignIn', { body: { userId: 'maria', password: 'Demo1234!' } })).token;
      await h.ok('hrmSendCode', { token: maria, body: { email: 'maria.lindqvist@foretaget.se' } });
      expect((await h.ok('testOutbox', {})).messages).toHaveLength(1);
      expect((await h.ok('mailbox', { token: MAILBOX_TOKEN, query: { recipient: 'MARIA.LINDQVIST@foretaget.se' } })).messages).toHaveLength(
        1,
      );
      const before = (await h.ok('testClock')).now;
      expect((await h.ok('testClockAdvance', { body: { ms: 5000 } })).now).toBe(before + 5000);
      expect((await h.ok('testAudit', { query: { type: 'prep.code-sent' } })).events[0]).toMatchObject({
        subject: 'maria',
        detail: { email: 'maria.lindqvist@foretaget.se' },
      });
      expect(await h.ok('testReset', { body: {} })).toEqual({ reset: true, seeded: true });
      expect((await h.ok('testOutbox', {})).messages).toHaveLength(0);
      expect((await h.fail('hrmMe', { token: maria })).code).toBe('auth.invalid-session');
      await h.ok('hrmSignIn', { body: { userId: 'maria', password: 'Demo1234!' } });
      await h.ok('testReset', { body: { seed: false } });
      expect((await h.fail('hrmSignIn', { body: { userId: 'maria', password: 'Demo1234!' } })).code).toBe('hrm.invalid-credentials');
    } finally {
      await h.close();
    }
  });
});

describe('Emailed links', () => {
  it('redirect /open/<action> to the app, and refuse unknown actions', async () => {
    const h = await harness({ appBaseUrl: 'http://127.0.0.1:5173' });
    try {
      const res = await h.app.inject({ method: 'GET', url: '/open/reset-password?token=abc' });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('http://127.0.0.1:5173#/link/reset-password?token=abc');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect((await h.app.inject({ method: 'GET', url: '/open/evil?token=abc' })).statusCode).toBe(404);
    } finally {
      await h.close();
    }
  });
});
