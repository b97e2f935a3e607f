import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@shared/clock';
import { MemoryCredentialStore } from '../../../electron/core/session/credential-store';
import { IdentityHttp } from '../../../electron/core/session/identity-http';
import { PushDeviceClient, type PushResolution } from '../../../electron/core/session/push-device';
import { startIdentityMock } from '../../../electron/mock/start';
import { CONNECT_PASSWORD, DEVICE, FAST_ARGON2, START } from '../mock/helpers';

const KARIN = 'karin.nordin@nordbolaget.se';
const MINUTE = 60_000;

/**
 * The push device client against the identity mock, in-process over real HTTP: requests arrive
 * on the server-sent-event stream (no polling while it is up); when the stream breaks it polls
 * and reconnects; expiry on the server's (moved) clock removes a request.
 */
describe('PushDeviceClient over the event stream', () => {
  let mock: Awaited<ReturnType<typeof startIdentityMock>>;
  let clock: ManualClock;
  let server: IdentityHttp;
  let client: PushDeviceClient;
  let requests: string[];
  let resolved: Array<[string, PushResolution]>;
  const calls = { list: 0, events: 0 };
  let streamBlocked = false;
  const live = new Set<AbortController>();

  /** fetch, counted, with a switch that breaks the event stream like a network failure would. */
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/events')) {
      calls.events++;
      if (streamBlocked) throw new TypeError('fetch failed');
      const kill = new AbortController();
      live.add(kill);
      return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, kill.signal]) : kill.signal });
    }
    if (url.includes('/push-requests')) calls.list++;
    return fetch(input, init);
  };
  const breakStream = () => {
    streamBlocked = true;
    for (const k of live) k.abort();
    live.clear();
  };
  const until = async (cond: () => boolean, what: string) => {
    for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(cond(), what).toBe(true);
  };

  async function signInWithPush(): Promise<{ ticket: string; pushId: string; number: string }> {
    const r = await server.call('signInPassword', { body: { email: KARIN, password: CONNECT_PASSWORD, device: DEVICE } });
    if (r.status !== 'mfa-required') throw new Error(`expected mfa, got ${r.status}`);
    const p = await server.call('mfaPushStart', { body: { ticket: r.ticket } });
    return { ticket: r.ticket, pushId: p.pushId, number: p.number };
  }

  beforeEach(async () => {
    clock = new ManualClock({ now: () => START });
    mock = await startIdentityMock({ port: 0, dataFile: ':memory:', clock, argon2: FAST_ARGON2 });
    server = new IdentityHttp(() => mock.url);
    requests = [];
    resolved = [];
    calls.list = 0;
    calls.events = 0;
    streamBlocked = false;
    client = new PushDeviceClient({
      http: new IdentityHttp(() => mock.url, fetchImpl),
      credentials: new MemoryCredentialStore(),
      baseUrl: () => mock.url,
      onRequest: (id) => requests.push(id),
      onResolved: (id, state) => resolved.push([id, state]),
      fetchImpl,
      pollMs: 40,
      stream: { backoffMs: 20, maxBackoffMs: 80 },
    });
    // Karin enrols this app as her push device (the consent screen approves it).
    const r = await server.call('signInPassword', { body: { email: KARIN, password: CONNECT_PASSWORD, device: DEVICE } });
    if (r.status !== 'signed-in') throw new Error('expected signed-in');
    const enrol = await server.call('pushEnrolStart', { token: r.session.token, body: {} });
    await client.register(enrol.manualKey, 'Test laptop');
    await server.call('pushEnrolConsent', { token: r.session.token, body: { enrolmentId: enrol.enrolmentId, approve: true } });
    await until(() => client.streaming, 'the event stream is up');
  });
  afterEach(async () => {
    client.stop();
    await mock.close();
  });

  it('gets each sign-in request from the stream as it is made, without polling', async () => {
    const listCallsWhenUp = calls.list;
    const first = await signInWithPush();
    await until(() => requests.length === 1, 'the first request arrived');
    const [view] = client.list();
    expect(view).toMatchObject({
      id: first.pushId,
      email: KARIN,
      app: 'Flex HRM',
      location: { device: DEVICE.name, browser: DEVICE.browser, country: DEVICE.country },
    });
    expect(view!.choices).toContain(first.number);
    // The server's 2 minutes, on this process's clock.
    expect(view!.expiresAt - view!.createdAt).toBe(2 * MINUTE);
    expect(Math.abs(view!.expiresAt - (Date.now() + 2 * MINUTE))).toBeLessThan(5000);

    const second = await signInWithPush();
    await until(() => requests.length === 2, 'the second request arrived');
    expect(requests).toEqual([first.pushId, second.pushId]);
    // A second prompt of another sign-in: both wait; and no list call was needed to see either.
    expect(calls.list).toBe(listCallsWhenUp);
    expect(calls.events).toBe(1);

    await client.respond(second.pushId, true, second.number);
    expect((await server.call('mfaPushStatus', { body: { ticket: second.ticket, pushId: second.pushId } })).state).toBe('approved');
    expect(client.list().map((r) => r.id)).toEqual([first.pushId]);
    // Answered here: no "resolved" event for the window that answered.
    expect(resolved).toEqual([]);
  });

  it("an expired request disappears and is reported as expired, on the server's moved clock", async () => {
    const push = await signInWithPush();
    await until(() => requests.length === 1, 'the request arrived');
    clock.advance(2 * MINUTE);
    // The sign-in screen asks about it, and the server finds it expired and tells the device.
    expect((await server.call('mfaPushStatus', { body: { ticket: push.ticket, pushId: push.pushId } })).state).toBe('expired');
    await until(() => resolved.length === 1, 'the expiry arrived');
    expect(resolved).toEqual([[push.pushId, 'expired']]);
    expect(client.list()).toEqual([]);
    await expect(client.respond(push.pushId, true, push.number)).rejects.toMatchObject({ code: 'session.push-expired' });

    // A request made after the clock moved is converted with the new offset: still 2 minutes left.
    await signInWithPush();
    await until(() => requests.length === 2, 'the next request arrived');
    expect(Math.abs(client.list()[0]!.expiresAt - (Date.now() + 2 * MINUTE))).toBeLessThan(5000);
  });

  it('polls while the stream is down, then reconnects and stops polling', async () => {
    breakStream();
    await until(() => !client.streaming, 'the stream is seen to be down');
    const push = await signInWithPush();
    // Nothing can come over the broken stream: the fallback poll finds it.
    await until(() => requests.length === 1, 'the poll found the request');
    expect(requests).toEqual([push.pushId]);
    expect(calls.events).toBeGreaterThan(1);

    streamBlocked = false;
    await until(() => client.streaming, 'the stream is back');
    // The server replays what is pending on connect: still one request, not two.
    expect(client.list().map((r) => r.id)).toEqual([push.pushId]);
    const listCalls = calls.list;
    await signInWithPush();
    await until(() => requests.length === 2, 'a new request over the stream');
    expect(calls.list).toBe(listCalls);
  });
});
