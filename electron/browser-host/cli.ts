// `npm run host`: the browser host on 127.0.0.1, with the app's data in ./.data/browser-host.
import { spawn } from 'node:child_process';
import { join, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import electronLog from 'electron-log/node';
import { createLogger } from '../core/log';
import { installFileLog } from '../core/log/file-log';
import { startBrowserHost } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: '.data/browser-host' },
    open: { type: 'boolean', default: false },
  },
});

const dataDir = resolvePath(values['data-dir']);
// The same redacted, rotated log as the desktop app (electron-log's Node build), in the data folder.
const log = installFileLog(electronLog, { folder: join(dataDir, 'logs'), level: process.env.FLEX_LOG_LEVEL, console: true });
const host = await startBrowserHost({ port: Number(values.port), dataDir });
console.log(`Browser host ready: ${host.url}`);
console.log(`Log: ${log.file}`);
createLogger('host').info(`Browser host started (Node ${process.versions.node}, ${process.platform})`);
if (values.open && !process.env.CI && (process.platform !== 'linux' || process.env.DISPLAY)) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(opener, [host.url], { stdio: 'ignore', detached: true })
    .on('error', () => undefined)
    .unref();
}
const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
