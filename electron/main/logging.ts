import { join } from 'node:path';
import electronLog from 'electron-log/main';
import type { WebContents } from 'electron';
import { app } from 'electron';
import { createLogger } from '../core/log';
import { installFileLog, type FileLog } from '../core/log/file-log';

const rendererLog = createLogger('renderer');

/**
 * The app's log: <userData>/logs/main.log (rotated at 1 MB), level from FLEX_LOG_LEVEL (info by
 * default), stderr echo only when not packaged. Main, core and the mock write through
 * electron/core/log; the renderer's console warnings and errors (uncaught ones included) are
 * picked up from its webContents, so the page needs no logging bridge of its own.
 */
export function setupLogging(): FileLog {
  const folder = join(app.getPath('userData'), 'logs');
  const log = installFileLog(electronLog, { folder, level: process.env.FLEX_LOG_LEVEL, console: !app.isPackaged });
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('console-message', (event) => {
      if (event.level === 'error') rendererLog.error(event.message, `(${event.sourceId}:${event.lineNumber})`);
      else if (event.level === 'warning') rendererLog.warn(event.message);
    });
  });
  return log;
}
