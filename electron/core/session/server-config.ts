import { z } from 'zod';
import { AppError } from '@shared/result';
import type { ServerChoice } from '@shared/contract';
import type { SettingsStore } from '../settings/settings-store';

/** Stored under its own settings key; the saved email is client-side too ("Save my email…"). */
const StoredServerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded') }),
  z.object({ kind: z.literal('custom'), url: z.string() }),
]);
const SERVER_KEY = 'session.server';
const EMAIL_KEY = 'session.savedEmail';

/**
 * A custom server must be https, except on this computer (127.0.0.1 / localhost / ::1), where a
 * standalone mock runs over plain http. Passwords and tokens never travel in clear text otherwise.
 */
export function normalizeServerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('session.invalid-url');
  }
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  const okProtocol = url.protocol === 'https:' || (url.protocol === 'http:' && local);
  if (!okProtocol || url.username || url.password || url.search || url.hash) throw new AppError('session.invalid-url');
  return url.origin + url.pathname.replace(/\/+$/, '') + '/';
}

export class ServerConfig {
  constructor(
    private readonly settings: SettingsStore,
    private readonly embeddedUrl: string | null,
  ) {}

  choice(): ServerChoice | null {
    return this.settings.read<ServerChoice | null>(SERVER_KEY, StoredServerSchema, null);
  }

  /** Until the user chooses, the built-in server is used (and first run asks). */
  baseUrl(): string | null {
    const c = this.choice();
    if (c?.kind === 'custom') return c.url;
    return this.embeddedUrl ? `${this.embeddedUrl.replace(/\/+$/, '')}/` : null;
  }

  isEmbedded(): boolean {
    return this.choice()?.kind !== 'custom';
  }

  set(choice: ServerChoice): void {
    const stored: ServerChoice = choice.kind === 'custom' ? { kind: 'custom', url: normalizeServerUrl(choice.url) } : { kind: 'embedded' };
    this.settings.write(SERVER_KEY, stored);
  }

  savedEmail(): string | null {
    return this.settings.read<string | null>(EMAIL_KEY, z.string().max(254), null);
  }

  setSavedEmail(email: string | null): void {
    this.settings.write(EMAIL_KEY, email ?? undefined);
  }
}
