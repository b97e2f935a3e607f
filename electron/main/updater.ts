import type { UpdateState } from '@shared/contract';
import type { Logger } from '../core/log';

/** The part of electron-updater's AppUpdater this module drives (an interface, so tests can fake it). */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: unknown;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

export interface FeedConfig {
  /** FLEX_UPDATE_FEED_URL: a generic feed's folder (latest.yml inside); https, or http on loopback. */
  envUrl: string | undefined;
  /** The packaged app has a resources/app-update.yml (electron-builder writes it when `publish` is set). */
  hasBuiltInFeed: boolean;
  isPackaged: boolean;
}

/**
 * Where updates come from, or null (off). Off unless configured: a packaged build whose
 * electron-builder.yml had a `publish` feed, or FLEX_UPDATE_FEED_URL. A feed URL must be https
 * (http only on loopback, for testing): an update is code the app will run.
 */
export function feedFor({ envUrl, hasBuiltInFeed, isPackaged }: FeedConfig): { url: string | null } | null {
  if (envUrl) {
    try {
      const u = new URL(envUrl);
      const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
      if (u.protocol === 'https:' || (u.protocol === 'http:' && loopback)) return { url: u.toString() };
    } catch {
      // fall through: a bad value means off, and is logged by the caller
    }
    return null;
  }
  return isPackaged && hasBuiltInFeed ? { url: null } : null;
}

export interface UpdateControllerOptions {
  feed: { url: string | null } | null;
  log: Logger;
  onState: (state: UpdateState) => void;
  intervalMs?: number;
  /** False only in tests that check without downloading. */
  autoDownload?: boolean;
}

/**
 * Checks at start and every four hours, downloads in the background, and says when an update is
 * ready (`app.updateChanged` event: the UI offers "Restart to update"). It never restarts on its own: the
 * user restarts (refused while a push approval or a scan is open, see createDesktopHandlers), or
 * the update is installed when the app quits.
 */
export class UpdateController {
  private current: UpdateState;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly updater: UpdaterLike | null,
    private readonly options: UpdateControllerOptions,
  ) {
    this.current = updater && options.feed ? { state: 'idle' } : { state: 'off' };
    if (!updater || !options.feed) return;
    updater.logger = null;
    updater.autoDownload = options.autoDownload ?? true;
    updater.autoInstallOnAppQuit = true;
    if (options.feed.url) updater.setFeedURL({ provider: 'generic', url: options.feed.url });
    updater.on('checking-for-update', () => this.set(this.current.state === 'ready' ? this.current : { state: 'checking' }));
    updater.on('update-available', (info: { version: string }) => this.set({ state: 'downloading', version: info.version }));
    updater.on('update-not-available', () => this.set(this.current.state === 'ready' ? this.current : { state: 'idle' }));
    updater.on('update-downloaded', (info: { version: string }) => this.set({ state: 'ready', version: info.version }));
    updater.on('error', (e: Error) => {
      options.log.warn('Update check failed', e);
      this.set(this.current.state === 'ready' ? this.current : { state: 'error' });
    });
  }

  get state(): UpdateState {
    return this.current;
  }

  /** The first check now, then every few hours. */
  start(): void {
    if (this.current.state === 'off') return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? CHECK_EVERY_MS);
    this.timer.unref();
  }

  async check(): Promise<void> {
    if (!this.updater || this.current.state === 'off' || this.current.state === 'ready') return;
    try {
      await this.updater.checkForUpdates();
    } catch {
      // reported through the 'error' event
    }
  }

  /** Only when asked by the user (and after the busy check in core). */
  restart(): void {
    if (this.current.state !== 'ready' || !this.updater) return;
    this.options.log.info('Restarting to install an update');
    this.updater.quitAndInstall(false, true);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private set(state: UpdateState): void {
    const changed = JSON.stringify(state) !== JSON.stringify(this.current);
    this.current = state;
    if (changed) this.options.onState(state);
  }
}
