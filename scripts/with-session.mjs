#!/usr/bin/env node
// Runs a command inside what desktop tests need on a headless Linux box:
//  - a D-Bus session with gnome-keyring unlocked (a real Secret Service for keytar), and
//  - an X display (Xvfb) for Chromium's screen capture.
// On macOS/Windows, or where a session and display already exist, it just runs the command.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: node scripts/with-session.mjs <command> [args...]');
  process.exit(2);
}
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const linux = process.platform === 'linux';

if (linux && !process.env.FLEX_SESSION_READY && !process.env.DBUS_SESSION_BUS_ADDRESS && has('dbus-run-session')) {
  // Re-enter this script inside a private session bus; everything below then runs inside it.
  const child = spawn('dbus-run-session', ['--', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, FLEX_SESSION_READY: '1', FLEX_OWN_SESSION: '1' },
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const env = { ...process.env, FLEX_SESSION_READY: '1' };
  const cleanups = [];
  // Only inside the private bus we started: never touch a real desktop user's keyring.
  if (linux && process.env.FLEX_OWN_SESSION === '1' && has('gnome-keyring-daemon')) {
    mkdirSync(join(homedir(), '.local/share/keyrings'), { recursive: true });
    // A throwaway password creates and unlocks the login keyring without a prompt (an empty one leaves no login collection).
    const r = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
      input: 'flex-test-keyring',
      env,
      encoding: 'utf8',
    });
    for (const line of (r.stdout ?? '').split('\n')) {
      const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
      if (m) env[m[1]] = m[2];
    }
    if (r.status !== 0) console.error('with-session: gnome-keyring-daemon could not start; keychain tests will report it.');
  }
  if (linux && !env.DISPLAY && has('Xvfb')) {
    let n = 99;
    while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n++;
    const xvfb = spawn('Xvfb', [`:${n}`, '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    cleanups.push(() => xvfb.kill());
    for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${n}`); i++) await new Promise((r) => setTimeout(r, 50));
    env.DISPLAY = `:${n}`;
  }
  const [cmd, ...rest] = args;
  const child = spawn(cmd, rest, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => {
    for (const c of cleanups) c();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
