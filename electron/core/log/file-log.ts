import { join } from 'node:path';
import type { NodeLogger } from 'electron-log';
import { LOG_LEVELS, redact, setLogSink, type LogLevel } from './index';

export interface FileLogOptions {
  /** The folder for main.log (rotated to main.old.log at 1 MB): <userData>/logs. */
  folder: string;
  /** The lowest level written to the file: FLEX_LOG_LEVEL, else 'info'. */
  level?: string | undefined;
  /** Also echo warnings and errors to stderr (development, the browser host). */
  console?: boolean;
}

export interface FileLog {
  folder: string;
  file: string;
  /** The last warnings and errors (already redacted), for "Copy diagnostics". */
  recent(): string[];
  /** Puts the previous sink back and stops catching (tests). */
  dispose(): void;
}

const MAX_RECENT = 40;
export const LOG_MAX_BYTES = 1024 * 1024;

const levelOf = (value: string | undefined): LogLevel =>
  (LOG_LEVELS as readonly string[]).includes(value ?? '') ? (value as LogLevel) : 'info';

/**
 * One log for main, core, the mock and the renderer, written by electron-log (`electron-log/main`
 * in the app, `electron-log/node` in the browser host: the same transports either way). Every
 * line passes through `redact` twice over: in createLogger for our own calls, and in a hook here
 * for anything that reaches electron-log directly (its catcher of uncaught errors included).
 */
export function installFileLog(logger: NodeLogger, options: FileLogOptions): FileLog {
  const file = join(options.folder, 'main.log');
  const recent: string[] = [];
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = LOG_MAX_BYTES;
  logger.transports.file.level = levelOf(options.level);
  logger.transports.console.level = options.console ? 'warn' : false;
  const redactHook = (message: Parameters<NodeLogger['hooks'][number]>[0]) => {
    message.data = message.data.map((d: unknown) => redact(d));
    if (message.level === 'error' || message.level === 'warn') {
      const text = message.data
        .map((d: unknown) => (d instanceof Error ? `${d.name}: ${d.message}` : typeof d === 'string' ? d : JSON.stringify(d)))
        .join(' ');
      recent.push(`${message.date.toISOString()} ${message.level} ${message.scope ? `[${message.scope}] ` : ''}${text}`.slice(0, 2000));
      if (recent.length > MAX_RECENT) recent.shift();
    }
    return message;
  };
  logger.hooks.push(redactHook);
  // Uncaught exceptions and unhandled rejections are logged, never shown as Electron's raw dialog.
  logger.errorHandler.startCatching({ showDialog: false });
  const scoped = new Map<string, ReturnType<NodeLogger['scope']>>();
  const restore = setLogSink((level, scope, args) => {
    let target = scoped.get(scope);
    if (!target) scoped.set(scope, (target = logger.scope(scope)));
    target[level](...args);
  });
  return {
    folder: options.folder,
    file,
    recent: () => [...recent],
    dispose: () => {
      restore();
      logger.errorHandler.stopCatching();
      const i = logger.hooks.indexOf(redactHook);
      if (i >= 0) logger.hooks.splice(i, 1);
    },
  };
}
