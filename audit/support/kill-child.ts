/**
 * The kill -9 audits' writer child: `node --import tsx <script> ...args` from the repository root,
 * SIGKILLed `killAfterMs()` after it prints `READY`. Every other line reaches `onLine` as it comes
 * (the writers print before and after each write; stdout to a pipe is synchronous on Linux, so a
 * printed line happened). Resolves true when the kill ended it, false (with the tail of its
 * stderr printed) when it ended any other way.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export function runUntilKilled(
  script: string,
  args: string[],
  killAfterMs: () => number,
  onLine: (line: string) => void,
): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), killAfterMs());
        else onLine(line);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') console.error(`writer ended with ${code ?? signal}: ${stderr.slice(-500)}`);
      resolve(signal === 'SIGKILL');
    });
  });
}
