import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('npm run mock (cli.ts)', () => {
  it('prints exactly one line when ready, serves /health, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/mock/cli.ts', '--port', '0', '--test-control'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    try {
      await new Promise<void>((done, fail) => {
        const check = () => (stdout.includes('\n') ? done() : undefined);
        child.stdout.on('data', check);
        child.once('exit', (code) => fail(new Error(`exited early with ${code}: ${stderr}`)));
      });
      const match = /^Identity mock listening on (http:\/\/127\.0\.0\.1:(\d+))\n$/.exec(stdout);
      expect(match, stdout).not.toBeNull();
      const url = match![1]!;
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, value: { status: 'ok' } });
      // The generated test-control token is printed on stderr, and it works.
      const token = /Test control token: (\S+)/.exec(stderr)?.[1];
      expect(token).toBeTruthy();
      const clock = await fetch(`${url}/test/clock`, { headers: { 'x-test-control-token': token! } });
      expect(clock.status).toBe(200);
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
