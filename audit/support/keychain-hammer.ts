/**
 * Child of audit/keychain-locked.ts: `argv[3]` rounds of list, get and set on the real keychain
 * (service `argv[2]`) while the parent locks and unlocks the login collection underneath it.
 * Prints `{ ok, locked, unavailable, other }` as one JSON line and exits 0 - unless keytar takes
 * the process down, which is what the parent counts.
 */
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-secret-store';

const [service, roundsArg] = process.argv.slice(2) as [string, string];
const store = new KeytarSecretStore(service);
const counts = { ok: 0, locked: 0, unavailable: 0, other: 0 };
for (let i = 0; i < Number(roundsArg); i++) {
  for (const [name, op] of [
    ['list', () => store.list()],
    ['get', () => store.get('k0')],
    ['set', () => store.set(`k${i % 3}`, `v${i}`)],
  ] as const) {
    const slow = setTimeout(() => process.stderr.write(`slow: ${name}\n`), 20_000);
    try {
      await op();
      counts.ok++;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'keychain.locked') counts.locked++;
      else if (code === 'keychain.unavailable') counts.unavailable++;
      else counts.other++;
    } finally {
      clearTimeout(slow);
      // Progress for the parent: a process is hung only when no call ends for longer than the timeout allows.
      process.stdout.write('.\n');
    }
  }
}
process.stdout.write(`${JSON.stringify(counts)}\n`);
// A native call still stuck in libsecret would keep the process alive; the app quits regardless too.
process.exit(0);
