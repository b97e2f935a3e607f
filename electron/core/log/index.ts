import { redact } from './redact';

export { redact, redactText } from './redact';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** Where a line came from: main (the shell), core (services), mock (the identity mock), renderer. */
export type LogScope = 'main' | 'core' | 'mock' | 'renderer' | 'host';

/** What writes the lines: electron-log in the app and the browser host (electron/main/logging.ts). */
export type LogSink = (level: LogLevel, scope: LogScope, args: unknown[]) => void;

export interface Logger {
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

/** Until a root installs its sink (and in unit tests), warnings and errors go to stderr. */
const stderrSink: LogSink = (level, scope, args) => {
  if (level === 'error' || level === 'warn') console[level](`[${scope}]`, ...args);
};
let sink: LogSink = stderrSink;

/** Installs the app's sink (one per process); returns a function that puts the previous one back. */
export function setLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

/**
 * One logger per scope. Every argument is redacted here, before any sink sees it, so no sink (file,
 * console, a test's array) can receive a secret, a code or a token.
 */
export function createLogger(scope: LogScope): Logger {
  const write =
    (level: LogLevel) =>
    (...args: unknown[]) => {
      try {
        sink(
          level,
          scope,
          args.map((a) => redact(a)),
        );
      } catch {
        // A logger must never break what it logs about.
      }
    };
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}
