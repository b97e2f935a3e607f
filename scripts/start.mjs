#!/usr/bin/env node
// `npm start`: the desktop app with the embedded identity mock. Where the Electron binary is
// missing (its download is blocked on some machines), say so in one sentence and start the
// browser host instead, which runs the same app in a browser.
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('exit', (code) => resolve(code ?? 1));
  });

const bin = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if (electronBinary()) {
  process.exit(await run(bin, ['electron-vite', 'preview']));
} else {
  console.log(
    'No Electron binary is installed on this machine, so the app starts in the browser host instead (same app, same embedded mock, in your browser).',
  );
  process.exit(await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'host', '--', '--open']));
}
