import { describe, expect, it } from 'vitest';
import { ManualClock } from '@shared/clock';
import { ClockCheckService } from '../../../electron/core/clock/clock-check';

const NOW = 1_700_000_000_000;
const clock = new ManualClock({ now: () => NOW });
const respond = (body: unknown, headers: Record<string, string> = {}) =>
  (() => Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { headers }))) as typeof fetch;

describe('clock check', () => {
  it("reads the embedded mock's /health `now` and warns past 15 s", async () => {
    let asked = '';
    const fetchImpl = ((url: URL) => {
      asked = String(url);
      return Promise.resolve(new Response(JSON.stringify({ ok: true, value: { status: 'ok', now: NOW + 20_000 } })));
    }) as unknown as typeof fetch;
    const check = await new ClockCheckService(() => 'http://127.0.0.1:4010/', clock, fetchImpl).check();
    expect(asked).toBe('http://127.0.0.1:4010/health');
    expect(check).toEqual({ state: 'ok', skewMs: 20_000, warn: true, server: '127.0.0.1:4010' });
  });

  it('does not warn at 15 s or less, either way', async () => {
    expect(await new ClockCheckService(() => 'https://id.example/', clock, respond({ now: NOW - 15_000 })).check()).toMatchObject({
      warn: false,
      skewMs: -15_000,
    });
    expect(await new ClockCheckService(() => 'https://id.example/', clock, respond({ now: NOW - 15_001 })).check()).toMatchObject({
      warn: true,
    });
  });

  it('falls back to the Date header of any other server', async () => {
    const date = new Date(NOW - 60_000).toUTCString();
    expect(await new ClockCheckService(() => 'https://id.example/', clock, respond('<html>', { date })).check()).toMatchObject({
      state: 'ok',
      skewMs: -60_000,
      warn: true,
    });
  });

  it('is "unreachable" with no server, a network error, or no time at all', async () => {
    expect(await new ClockCheckService(() => null, clock, respond({})).check()).toEqual({ state: 'unreachable' });
    const down = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
    expect(await new ClockCheckService(() => 'https://id.example/', clock, down).check()).toEqual({ state: 'unreachable' });
    expect(await new ClockCheckService(() => 'https://id.example/', clock, respond('x')).check()).toEqual({ state: 'unreachable' });
  });
});
