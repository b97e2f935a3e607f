#!/usr/bin/env node
// `npm start`: the desktop app with the embedded identity mock. Where the Electron binary is
// missing (its download is blocked on some machines), say so in one sentence and start the
// browser host instead, which runs the same app in a browser.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);
const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('exit', (code) => resolve(code ?? 1));
  });

function electronBinary() {
  try {
    const path = require('electron'); // the package's index.js returns the binary path, or throws
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const bin = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if (electronBinary()) {
  process.exit(await run(bin, ['electron-vite', 'preview']));
} else {
  console.log('No Electron binary is installed on this machine, so the app starts in the browser host instead (same app, same embedded mock, in your browser).');
  process.exit(await run(bin, ['npm', 'run', '--silent', 'host', '--', '--open']));
}
