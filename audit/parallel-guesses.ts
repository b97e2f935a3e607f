/**
 * Password guessing against the real mock over HTTP, with the app's own argon2id parameters
 * (OWASP's), as an attacker on this machine would: a burst of parallel wrong passwords for one
 * account (Connect and HRM legacy) followed by the right one, a spray across many accounts, and a
 * flood of robot checks. Prints how many guesses the server actually checked (its audit log)
 * against the policy, and exits 1 if any bound is broken.
 *
 * `npm run audit -- parallel-guesses`
 */
import { startIdentityMock } from '../electron/mock/start';

const TEST_CONTROL = 'audit-parallel-guesses-token-0123456789';
// The per-account lockout is measured on a mock without per-client throttling (every guess here
// comes from one address, so the throttle would answer most of a burst and hide the lockout);
// the throttle on the mock with the app's limits.
const lockoutMock = await startIdentityMock({ port: 0, testControlToken: TEST_CONTROL, limits: { signInPerClientPerMinute: 1e6 } });
const throttledMock = await startIdentityMock({ port: 0, testControlToken: TEST_CONTROL });
let mock = lockoutMock;
const post = async (path: string, body: unknown) => {
  const res = await fetch(new URL(path, mock.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; error?: { code: string } };
};
const auditCount = async (type: string) => {
  const res = await fetch(new URL(`/test/audit?type=${type}`, mock.url), { headers: { 'x-test-control-token': TEST_CONTROL } });
  return ((await res.json()) as { value: { events: unknown[] } }).value.events.length;
};
const reset = () =>
  fetch(new URL('/test/reset', mock.url), {
    method: 'POST',
    headers: { 'x-test-control-token': TEST_CONTROL, 'content-type': 'application/json' },
    body: '{}',
  });
const tally = (answers: { ok: boolean; error?: { code: string } }[]) =>
  answers.reduce<Record<string, number>>(
    (t, a) => ({ ...t, [a.ok ? 'ok' : a.error!.code]: (t[a.ok ? 'ok' : a.error!.code] ?? 0) + 1 }),
    {},
  );

let broken = 0;
const check = (what: string, good: boolean) => {
  console.log(`${good ? 'ok  ' : 'FAIL'} ${what}`);
  if (!good) broken++;
};

try {
  const KARIN = 'karin.nordin@nordbolaget.se';
  const RIGHT = 'Connect-2025!';
  for (const burst of [50, 200]) {
    for (const at of ['first', 'last'] as const) {
      await reset();
      const wrong = Array.from(
        { length: burst },
        (_, i) => () => post('/connect/sign-in/password', { email: KARIN, password: `Wrong-${i}!` }),
      );
      const right = () => post('/connect/sign-in/password', { email: KARIN, password: RIGHT });
      const calls = at === 'first' ? [right, ...wrong] : [...wrong, right];
      const answers = await Promise.all(calls.map((c) => c()));
      const rightAnswer = answers[at === 'first' ? 0 : answers.length - 1]!;
      const checked = await auditCount('connect.sign-in-failed');
      console.log(
        `Connect: ${burst} parallel wrong + the right password ${at}: ${checked} wrong guesses checked (policy 8); answers ${JSON.stringify(tally(answers))}`,
      );
      check(`Connect burst of ${burst}, right password ${at}: at most 8 checked`, checked <= 8);
      // First, its check may end before the burst reaches the lock: then the owner is rightly signed
      // in (and the burst's guesses still count). Last, the lock is reached before it is checked.
      if (at === 'last')
        check(
          `Connect burst of ${burst}, right password last: it does not sign in (${rightAnswer.ok ? 'ok' : rightAnswer.error?.code})`,
          !rightAnswer.ok,
        );
      else
        console.log(
          `     the right password first was answered ${rightAnswer.ok ? 'ok (checked before the lock)' : rightAnswer.error?.code}`,
        );
      const after = await post('/connect/sign-in/password', { email: KARIN, password: RIGHT });
      const locks = await auditCount('connect.locked');
      check(
        `Connect burst of ${burst}, right password ${at}: the lock started (${locks}) and holds for the right password after it (${after.ok ? 'ok' : after.error?.code})`,
        locks >= 1 && after.error?.code === 'connect.locked',
      );
    }
  }

  await reset();
  const hrm = await Promise.all([
    post('/hrm/sign-in', { userId: 'anna', password: 'Demo1234!' }),
    ...Array.from({ length: 200 }, (_, i) => post('/hrm/sign-in', { userId: 'anna', password: `wrong-${i}` })),
    post('/hrm/sign-in', { userId: 'anna', password: 'Demo1234!' }),
  ]);
  const hrmChecked = await auditCount('hrm.sign-in-failed');
  const hrmAfter = await post('/hrm/sign-in', { userId: 'anna', password: 'Demo1234!' });
  console.log(
    `HRM legacy: the right password, 200 parallel wrong, the right password: ${hrmChecked} wrong guesses checked (policy 8); answers ${JSON.stringify(tally(hrm))}`,
  );
  check(
    `HRM burst: at most 8 checked, neither right password signs in, the lock holds after (${hrmAfter.ok ? 'ok' : hrmAfter.error?.code})`,
    hrmChecked <= 8 && !hrm[0].ok && !hrm.at(-1)!.ok && hrmAfter.error?.code === 'hrm.locked',
  );

  mock = throttledMock;
  await reset();
  const t0 = Date.now();
  const spray = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      post('/connect/sign-in/password', { email: `person${i}@nordbolaget.se`, password: 'Sommar2025!' }),
    ),
  );
  const sprayChecked = await auditCount('connect.sign-in-failed');
  console.log(
    `Spray: 100 guesses across 100 addresses in ${Date.now() - t0} ms: ${sprayChecked} checked; answers ${JSON.stringify(tally(spray))}`,
  );
  check('Spray: at most 20 per client per minute checked', sprayChecked <= 20);

  await reset();
  const humans = await Promise.all(Array.from({ length: 200 }, () => post('/connect/human-check', { notARobot: true })));
  const granted = humans.filter((a) => a.ok).length;
  console.log(`Robot checks: 200 at once: ${granted} granted; answers ${JSON.stringify(tally(humans))}`);
  check('Robot checks: at most 10 per client per minute', granted <= 10);
} finally {
  await lockoutMock.close();
  await throttledMock.close();
}
process.exit(broken === 0 ? 0 : 1);
