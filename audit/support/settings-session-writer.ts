/**
 * Child of audit/kill9-settings-session.ts: the app's core on the real keychain (service
 * `argv[2]`, app.db in `argv[3]`) against the parent's identity mock (`argv[4]`), changing the
 * settings and signing in and out (HRM legacy, anna) as fast as it can until it is killed. Prints
 * `READY` once open, `s <json>` before a settings update and `S <json>` after it resolved,
 * `i` / `I` around a sign-in and `o` / `O` around a sign-out (stdout to a pipe is synchronous on
 * Linux, so a printed line happened).
 */
import type { AppInfo } from '@shared/contract';
import { createAppCore } from '../../electron/core/app-core';
import { KeytarSecretStore } from '../../electron/core/secrets/keytar-secret-store';

const [service, dataDir, mockUrl] = process.argv.slice(2) as [string, string, string];
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
  embeddedServerUrl: mockUrl,
  info,
});
const say = (line: string) => process.stdout.write(`${line}\n`);
const ok = (r: { ok: boolean; error?: unknown }) => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
};
say('READY');
for (let i = 0; ; i++) {
  if (Math.random() < 0.6) {
    const patch = { language: (['sv', 'en', 'system'] as const)[i % 3], clearClipboard: Math.random() < 0.5 };
    say(`s ${JSON.stringify(patch)}`);
    ok(await core.dispatch('settings.updateSettings', patch));
    say(`S ${JSON.stringify(patch)}`);
  } else {
    const view = (await core.dispatch('session.getState', {})) as { ok: true; value: { state: { step: string } } };
    if (view.value.state.step === 'signed-in') {
      say('o');
      ok(await core.dispatch('session.signOut', {}));
      say('O');
    } else {
      say('i');
      ok(await core.dispatch('session.signInLegacy', { userId: 'anna', password: 'Demo1234!' }));
      say('I');
    }
  }
}
