/**
 * Child of audit/keychain-vanishes.ts: the app's core on the real keychain (service `argv[2]`,
 * app.db in `argv[3]`), driven line by line from stdin (`list`, `add <label>`, `copy`), answering
 * each with one JSON line on stdout: `{ keychain, accounts, codes }` or the call's error code. A
 * native crash shows in the parent as a signal.
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { base32 } from './base32';
import type { AppInfo } from '@shared/contract';
import { createAppCore } from '../../electron/core/app-core';
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-secret-store';

const [service, dataDir] = process.argv.slice(2) as [string, string];
const info: AppInfo = {
  name: 'audit',
  version: '0',
  platform: process.platform,
  host: 'electron',
  systemLocale: 'en',
  screenCapture: 'none',
};
const core = await createAppCore({
  dataDir,
  secretStore: new KeytarSecretStore(service),
  credentialStore: new KeytarSecretStore(`${service} credentials`),
  info,
});
const say = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);
type Listed = { accounts: Array<{ code: string }>; keychain: string };
say({ ready: true });
for await (const line of createInterface({ input: process.stdin })) {
  const [cmd, arg] = line.split(' ');
  const started = Date.now();
  if (cmd === 'list') {
    const r = (await core.dispatch('vault.listAccounts', {})) as { ok: boolean; value?: Listed; error?: { code: string } };
    say(
      r.ok
        ? {
            keychain: r.value!.keychain,
            accounts: r.value!.accounts.length,
            codes: r.value!.accounts.filter((a) => a.code).length,
            ms: Date.now() - started,
          }
        : { error: r.error!.code },
    );
  } else if (cmd === 'add') {
    const r = (await core.dispatch('vault.addAccount', {
      source: 'manual',
      issuer: 'Audit',
      label: arg,
      secret: base32(randomBytes(20)),
    })) as {
      ok: boolean;
      error?: { code: string };
    };
    say(r.ok ? { added: true, ms: Date.now() - started } : { error: r.error!.code, ms: Date.now() - started });
  } else if (cmd === 'quit') {
    await core.shutdown();
    core.close();
    say({ quit: true });
    process.exit(0);
  }
}
