/**
 * Runs every audit/*.ts (the adversarial scripts: kill -9 loops, locked and missing keychain,
 * parallel writes, ...) one after another, each in its own process, and exits 1 if any failed.
 * `npm run audit` runs it inside scripts/with-session.mjs (a real Secret Service). Not part of
 * `npm test`: they take minutes.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const failed: string[] = [];
for (const script of scripts) {
  console.log(`--- audit/${script}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, script)], { stdio: 'inherit', cwd: join(dir, '..') });
  if (r.status !== 0) failed.push(script);
}
console.log(`audit: ${scripts.length - failed.length} passed, ${failed.length} failed${failed.length ? ` (${failed.join(', ')})` : ''}`);
process.exit(failed.length === 0 ? 0 : 1);
