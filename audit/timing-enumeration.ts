/**
 * Account enumeration by answer and by time, against the real mock over HTTP with the app's own
 * argon2id parameters: every recovery and discovery route that takes an address or a user id is
 * called for a known and an unknown one in adjacent pairs, and must answer alike (status and body,
 * with tokens and times masked) and in a time that does not tell them apart: the median of the
 * paired differences (which cancels the load of a shared machine drifting) fails only when it is
 * over 10 ms and 10 % of the median time and also over three standard errors of that median (so a
 * noisy machine does not pass noise off as a difference, nor hide a real one behind few samples). Per-client throttling is lifted for the run (it would
 * answer both alike, and so hide a difference).
 *
 * `npm run audit -- timing` (TIMING_N samples per side, default 40).
 */
import { startIdentityMock } from '../electron/mock/start';

const N = Number(process.env.TIMING_N ?? 40);
const TEST_CONTROL = 'audit-timing-token-0123456789abcdef';
const mock = await startIdentityMock({
  port: 0,
  testControlToken: TEST_CONTROL,
  limits: {
    signInPerClientPerMinute: 1e6,
    humanChecksPerClientPerMinute: 1e6,
    recoveryPerClientPerMinute: 1e6,
    addressChecksPerUserPerHour: 1e6,
    sendMaxPerHour: 1e6,
    sendMinIntervalMs: 0,
  },
});
const post = async (path: string, body: unknown, token?: string) => {
  const started = performance.now();
  const res = await fetch(new URL(path, mock.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { ms: performance.now() - started, status: res.status, body: text };
};
/** What may differ between two answers without telling anything: fresh tokens, ids and times. */
const mask = (body: string) => body.replace(/\d{10,}/g, '<time>').replace(/[A-Za-z0-9_%-]{20,}/g, '<token>');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const humanToken = async () =>
  (JSON.parse((await post('/connect/human-check', { notARobot: true })).body) as { value: { humanToken: string } }).value.humanToken;
const hrmToken = async () =>
  (JSON.parse((await post('/hrm/sign-in', { userId: 'anna', password: 'Demo1234!' })).body) as { value: { token: string } }).value.token;

interface Probe {
  name: string;
  call(subject: 'known' | 'unknown', i: number): Promise<{ ms: number; status: number; body: string }>;
}
const KNOWN = 'karin.nordin@nordbolaget.se';
const UNKNOWN = 'nobody.here@nordbolaget.se';
const probes: Probe[] = [
  { name: 'discover', call: (s) => post('/connect/discover', { email: s === 'known' ? KNOWN : UNKNOWN }) },
  {
    name: 'password sign-in (wrong password)',
    call: (s, i) => post('/connect/sign-in/password', { email: s === 'known' ? KNOWN : UNKNOWN, password: `Wrong-${i}-pass!` }),
  },
  {
    name: 'password sign-in, account without a password yet',
    call: (s, i) =>
      post('/connect/sign-in/password', { email: s === 'known' ? 'olof.ek@nordbolaget.se' : UNKNOWN, password: `Wrong-${i}-pass!` }),
  },
  {
    name: 'forgot password (reset link)',
    call: async (s) =>
      post('/connect/forgot-password', { email: s === 'known' ? KNOWN : UNKNOWN, kind: 'reset', humanToken: await humanToken() }),
  },
  {
    name: 'forgot password (sign-in link)',
    call: async (s) =>
      post('/connect/forgot-password', { email: s === 'known' ? KNOWN : UNKNOWN, kind: 'magic-link', humanToken: await humanToken() }),
  },
  {
    name: 'SSO start',
    call: (s) => post('/connect/sso/start', { email: s === 'known' ? 'sara.molin@molnet.se' : 'nobody.here@molnet.se' }),
  },
  {
    name: 'HRM legacy sign-in (wrong password)',
    call: (s, i) => post('/hrm/sign-in', { userId: s === 'known' ? 'anna' : 'nobody-here', password: `wrong-${i}` }),
  },
];

let differing = 0;
try {
  for (const probe of probes) {
    const times = { known: [] as number[], unknown: [] as number[] };
    const bodies = { known: new Set<string>(), unknown: new Set<string>() };
    for (let i = 0; i < N; i++) {
      // Lockouts reset so both sides keep being checked (a lock answers alike, without a check).
      if (i % 6 === 0)
        await fetch(new URL('/test/reset', mock.url), {
          method: 'POST',
          headers: { 'x-test-control-token': TEST_CONTROL, 'content-type': 'application/json' },
          body: '{}',
        });
      for (const side of i % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const)) {
        const a = await probe.call(side, i);
        times[side].push(a.ms);
        bodies[side].add(`${a.status} ${mask(a.body)}`);
      }
    }
    const [k, u] = [median(times.known), median(times.unknown)];
    const diffs = times.known.map((t, i) => t - times.unknown[i]!);
    const paired = median(diffs);
    // Standard error of a median from the median absolute deviation (normal approximation).
    const stdErr = (1.253 * 1.4826 * median(diffs.map((d) => Math.abs(d - paired)))) / Math.sqrt(diffs.length);
    const sameBody = bodies.known.size === 1 && bodies.unknown.size === 1 && [...bodies.known][0] === [...bodies.unknown][0];
    const closeInTime = Math.abs(paired) <= Math.max(10, 0.1 * Math.max(k, u), 3 * stdErr);
    if (!sameBody || !closeInTime) differing++;
    console.log(
      `${sameBody && closeInTime ? 'ok  ' : 'FAIL'} ${probe.name}: median known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms, paired difference ${paired.toFixed(1)} ms (standard error ${stdErr.toFixed(1)}); answers ${sameBody ? 'identical' : `differ: ${[...bodies.known].join(' | ').slice(0, 120)} vs ${[...bodies.unknown].join(' | ').slice(0, 120)}`}`,
    );
  }
  // Preparation: whether an address is taken, asked by a signed-in HRM user (rate limits lifted).
  const anna = await hrmToken();
  const taken = await post('/hrm/preparation/send-code', { email: KNOWN }, anna);
  console.log(
    `note preparation send-code for a taken address answers ${taken.status} ${mask(taken.body)} (by design, to the HRM user; bounded by the per-user address-check limit)`,
  );
} finally {
  await mock.close();
}
console.log(`timing-enumeration: ${probes.length} routes, ${differing} tell known from unknown`);
process.exit(differing === 0 ? 0 : 1);
