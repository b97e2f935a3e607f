import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App, Clipboard, Dialog, Shell, WebContents, BrowserWindow, RenderProcessGoneDetails, Details } from 'electron';
import type { Locale } from '@shared/contract';
import { isAppError } from '@shared/result';
import { redactText, type Logger } from '../core/log';
import type { Texts } from './texts';

/**
 * The app's life in phases (VS Code's electron-main lifecycle): what may run when is explicit, and
 * work that must wait for a later phase says so with `when(phase)`.
 * - Starting: before `app.ready` (scheme, single instance, open-url listeners);
 * - Ready: the core and the embedded server run, IPC is served;
 * - Restored: the first window has loaded;
 * - Eventually: a few seconds later (update checks, housekeeping).
 */
export enum Phase {
  Starting = 1,
  Ready = 2,
  Restored = 3,
  Eventually = 4,
}

export class Lifecycle {
  private current = Phase.Starting;
  private readonly waiting = new Map<Phase, (() => void)[]>();
  /** Set once the user chose Quit (menu, tray, dialog): closing the window then really closes it. */
  quitting = false;

  get phase(): Phase {
    return this.current;
  }

  set phase(next: Phase) {
    if (next <= this.current) return;
    this.current = next;
    for (const [phase, callbacks] of this.waiting) {
      if (phase > next) continue;
      this.waiting.delete(phase);
      for (const cb of callbacks) cb();
    }
  }

  when(phase: Phase): Promise<void> {
    if (phase <= this.current) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(phase, [...(this.waiting.get(phase) ?? []), resolve]));
  }
}

/** The start-up failures the user can do something about, each with its own text. */
export type FailureKind = 'newer-db' | 'corrupt-db' | 'port-in-use' | 'keychain-missing' | 'keychain-locked' | 'unknown';

const FAILURE_TEXT = {
  'newer-db': 'newerDb',
  'corrupt-db': 'corruptDb',
  'port-in-use': 'portInUse',
  'keychain-missing': 'keychainMissing',
  'keychain-locked': 'keychainLocked',
  unknown: 'unknown',
} as const satisfies Record<FailureKind, string>;

export function classifyStartupError(e: unknown): FailureKind {
  if (isAppError(e)) {
    if (e.code === 'db.from-the-future') return 'newer-db';
    if (e.code === 'keychain.locked') return 'keychain-locked';
    if (e.code === 'keychain.unavailable') return 'keychain-missing';
  }
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') return 'port-in-use';
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return 'corrupt-db';
  if (e instanceof Error && /file is not a database|database disk image is malformed/i.test(e.message)) return 'corrupt-db';
  return 'unknown';
}

/** "Copy details": what support needs (the kind, the error, versions), redacted like the log. */
export function failureDetails(kind: FailureKind, e: unknown, versions: Record<string, string | undefined>): string {
  const error = e instanceof Error ? `${e.name}: ${e.message}${'code' in e ? ` (${String(e.code)})` : ''}\n${e.stack ?? ''}` : String(e);
  const lines = [`Start-up failure: ${kind}`, ...Object.entries(versions).map(([k, v]) => `${k}: ${v ?? '?'}`), '', error];
  return redactText(lines.join('\n'));
}

export type FailureChoice = 'retry' | 'quit';

export interface FailureDialogDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  clipboard: Pick<Clipboard, 'writeText'>;
  shell: Pick<Shell, 'openPath'>;
  dataDir: string;
  texts: () => Texts;
}

/**
 * The start-up failure dialog: what happened, in the user's language, and what can be done about
 * it: Try again, Open data folder, Copy details, Quit. The last two keep the dialog open.
 */
export function createFailureDialog({ dialog, clipboard, shell, dataDir, texts }: FailureDialogDeps) {
  return async (kind: FailureKind, details: string): Promise<FailureChoice> => {
    const t = texts();
    const buttons = [t('startup', 'retry'), t('startup', 'openDataFolder'), t('startup', 'copyDetails'), t('startup', 'quit')];
    for (;;) {
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: t('startup', 'title'),
        message: t('startup', 'title'),
        detail: t('startup', FAILURE_TEXT[kind]),
        buttons,
        defaultId: 0,
        cancelId: 3,
        noLink: true,
      });
      if (response === 0) return 'retry';
      if (response === 1) await shell.openPath(dataDir);
      else if (response === 2) await clipboard.writeText(details);
      else return 'quit';
    }
  };
}

export interface StartupDeps {
  log: Logger;
  versions: Record<string, string | undefined>;
  ask: (kind: FailureKind, details: string) => Promise<FailureChoice>;
}

/**
 * Runs the start until it succeeds or the user quits: every failure ends in the dialog, never in
 * a process with no window or an unhandled rejection. Resolves null when the user chose Quit.
 */
export async function runStartup<T>(start: () => Promise<T>, { log, versions, ask }: StartupDeps): Promise<T | null> {
  for (;;) {
    try {
      return await start();
    } catch (e) {
      const kind = classifyStartupError(e);
      log.error(`Start-up failed (${kind})`, e);
      if ((await ask(kind, failureDetails(kind, e, versions))) === 'quit') return null;
      log.info('Start-up retried by the user');
    }
  }
}

/**
 * The language the user chose, kept beside app.db so a start-up failure (app.db unreadable, say)
 * still speaks it. Written after every successful start and every language change.
 */
const LANGUAGE_FILE = 'language.json';

export function rememberLanguage(dataDir: string, locale: Locale): void {
  try {
    writeFileSync(join(dataDir, LANGUAGE_FILE), JSON.stringify({ locale }));
  } catch {
    // Only a nicety for the failure dialog.
  }
}

export function rememberedLanguage(dataDir: string, fallback: Locale): Locale {
  try {
    const { locale } = JSON.parse(readFileSync(join(dataDir, LANGUAGE_FILE), 'utf8')) as { locale?: unknown };
    return locale === 'sv' || locale === 'en' ? locale : fallback;
  } catch {
    return fallback;
  }
}

export interface ProcessGoneDeps {
  app: Pick<App, 'on' | 'quit'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  log: Logger;
  texts: () => Texts;
  getWindow: () => BrowserWindow | null;
  now?: () => number;
}

/** A second crash within this long after a reload is not reloaded again: the user is told. */
export const CRASH_WINDOW_MS = 60_000;

/**
 * A renderer that dies is reloaded once; a second death soon after asks the user (Reload / Quit)
 * rather than looping. A child process (GPU, utility, the QR worker's host) that dies abnormally is
 * logged, and the user is told once per kind.
 */
export function setupProcessGone({ app, dialog, log, texts, getWindow, now = Date.now }: ProcessGoneDeps): void {
  const lastCrash = new WeakMap<WebContents, number>();
  app.on('render-process-gone', (_event: unknown, contents: WebContents, details: RenderProcessGoneDetails) => {
    log.error(`Renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit' || contents.isDestroyed()) return;
    const previous = lastCrash.get(contents);
    lastCrash.set(contents, now());
    if (previous === undefined || now() - previous > CRASH_WINDOW_MS) {
      contents.reload();
      return;
    }
    const t = texts();
    const win = getWindow();
    const options = {
      type: 'error' as const,
      title: t('crash', 'title'),
      message: t('crash', 'title'),
      detail: t('crash', 'renderer', { reason: details.reason }),
      buttons: [t('crash', 'reload'), t('crash', 'quit')],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    };
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)).then(({ response }) => {
      if (response === 0 && !contents.isDestroyed()) contents.reload();
      else app.quit();
    });
  });
  const told = new Set<string>();
  app.on('child-process-gone', (_event: unknown, details: Details) => {
    const what = details.name ?? details.serviceName ?? details.type;
    if (details.reason === 'clean-exit') {
      log.info(`Child process ended: ${what}`);
      return;
    }
    log.error(`Child process gone: ${what} ${details.reason} (exit code ${details.exitCode})`);
    // Chromium restarts its GPU process itself; only say so when something of ours stopped.
    if (details.type === 'GPU' || told.has(details.type)) return;
    told.add(details.type);
    const t = texts();
    void dialog.showMessageBox({
      type: 'warning',
      title: t('crash', 'title'),
      message: t('crash', 'title'),
      detail: t('crash', 'child', { process: what, reason: details.reason }),
      buttons: [t('crash', 'ok')],
      noLink: true,
    });
  });
}
