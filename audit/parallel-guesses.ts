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
const mock = await startIdentityMock({ port: 0, testControlToken: TEST_CONTROL });
const post = async (path: string, body: unknown) => {
  const res = await fetch(new URL(path, mock.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as { ok: boolean; error?: { code: string } };
};
const auditCount = async (type: string) => {
  const res = await fetch(new URL(`/test/audit?type=${type}`, mock.url), { headers: { 'x-test-control-token': TEST_CONTROL } });
  return ((await res.json()) as { value: { events: unknown[] } }).value.events.length;
};
const reset = () => fetch(new URL('/test/reset', mock.url), { method: 'POST', headers: { 'x-test-control-token': TEST_CONTROL, 'content-type': 'application/json' }, body: '{}' });
const tally = (answers: { ok: boolean; error?: { code: string } }[]) =>
  answers.reduce<Record<string, number>>((t, a) => ({ ...t, [a.ok ? 'ok' : a.error!.code]: (t[a.ok ? 'ok' : a.error!.code] ?? 0) + 1 }), {});

let broken = 0;
const check = (what: string, good: boolean) => {
  console.log(`${good ? 'ok  ' : 'FAIL'} ${what}`);
  if (!good) broken++;
};

try {
  for (const burst of [50, 200]) {
    await reset();
    const answers = await Promise.all([
      ...Array.from({ length: burst }, (_, i) => post('/connect/sign-in/password', { email: 'karin.nordin@nordbolaget.se', password: `Wrong-${i}!` })),
      post('/connect/sign-in/password', { email: 'karin.nordin@nordbolaget.se', password: 'Connect-2025!' }),
    ]);
    const checked = await auditCount('connect.sign-in-failed');
    console.log(`Connect: ${burst} parallel wrong + the right password: ${checked} guesses checked (policy 8); answers ${JSON.stringify(tally(answers))}`);
    check(`Connect burst of ${burst}: at most 8 checked`, checked <= 8);
    check(`Connect burst of ${burst}: the right password in the burst does not sign in`, !answers.at(-1)!.ok);
    // This client is over its per-minute limit by now; the lock itself is in the audit log.
    const after = await post('/connect/sign-in/password', { email: 'karin.nordin@nordbolaget.se', password: 'Connect-2025!' });
    const locks = await auditCount('connect.locked');
    check(`Connect burst of ${burst}: the lock started (${locks}) and the right password after it is refused (${after.error?.code})`, locks >= 1 && !after.ok);
  }

  await reset();
  const hrm = await Promise.all([
    ...Array.from({ length: 200 }, (_, i) => post('/hrm/sign-in', { userId: 'anna', password: `wrong-${i}` })),
    post('/hrm/sign-in', { userId: 'anna', password: 'Demo1234!' }),
  ]);
  const hrmChecked = await auditCount('hrm.sign-in-failed');
  console.log(`HRM legacy: 200 parallel wrong + the right password: ${hrmChecked} guesses checked (policy 8); answers ${JSON.stringify(tally(hrm))}`);
  check('HRM burst: at most 8 checked, the right password refused', hrmChecked <= 8 && !hrm.at(-1)!.ok);

  await reset();
  const t0 = Date.now();
  const spray = await Promise.all(Array.from({ length: 100 }, (_, i) => post('/connect/sign-in/password', { email: `person${i}@nordbolaget.se`, password: 'Sommar2025!' })));
  const sprayChecked = await auditCount('connect.sign-in-failed');
  console.log(`Spray: 100 guesses across 100 addresses in ${Date.now() - t0} ms: ${sprayChecked} checked; answers ${JSON.stringify(tally(spray))}`);
  check('Spray: at most 20 per client per minute checked', sprayChecked <= 20);

  await reset();
  const humans = await Promise.all(Array.from({ length: 200 }, () => post('/connect/human-check', { notARobot: true })));
  const granted = humans.filter((a) => a.ok).length;
  console.log(`Robot checks: 200 at once: ${granted} granted; answers ${JSON.stringify(tally(humans))}`);
  check('Robot checks: at most 10 per client per minute', granted <= 10);
} finally {
  await mock.close();
}
process.exit(broken === 0 ? 0 : 1);
