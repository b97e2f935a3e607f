// `npm run host`: the browser host on 127.0.0.1, with the app's data in ./.data/browser-host.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserHost } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: '.data/browser-host' },
    open: { type: 'boolean', default: false },
  },
});

const host = await startBrowserHost({ port: Number(values.port), dataDir: resolve(values['data-dir']) });
console.log(`Browser host ready: ${host.url}`);
if (values.open && !process.env.CI && (process.platform !== 'linux' || process.env.DISPLAY)) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(opener, [host.url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}
const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
