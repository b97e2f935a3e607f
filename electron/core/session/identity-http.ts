import type { z } from 'zod';
import { identityRoutes, pathFor, type IdentityRouteName, type RouteBody, type RouteValue } from '@shared/identity-api';
import { WireErrorSchema, type WireError } from '@shared/identity-api/errors';
import { AppError } from '@shared/result';
import { mapServerError } from './error-map';

export interface CallOptions<N extends IdentityRouteName> {
  body?: RouteBody<N>;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** Bearer credential (HRM/Connect session, device credential). Never logged. */
  token?: string;
  /**
   * A caller's own mapping of the server's failure (e.g. the admin screens' codes); returning
   * undefined falls back to the shared table in error-map.ts.
   */
  mapError?: (error: WireError) => AppError | undefined;
  /** Shorter than the default 20 s where a caller must not wait long (the restore at start-up). */
  timeoutMs?: number;
}

/**
 * The identity API over HTTP, exactly as a remote server is reached: the route table of
 * shared/identity-api gives method, path and the schema every answer is parsed with. A failure
 * becomes an AppError with the client's code (error-map.ts; the server's code stays in `serverCode`),
 * an unreachable server `session.network`. The base URL is read per call, so a server change in
 * Settings applies at once.
 */
export class IdentityHttp {
  /**
   * Told the token of any call the server answered `auth.invalid-session` (the server ended that
   * session), whichever service made the call, so the stored session is forgotten in one place.
   */
  onInvalidSession: ((token: string) => void) | null = null;

  constructor(
    private readonly baseUrl: () => string | null,
    private readonly fetchImpl: typeof fetch = (...a) => fetch(...a),
    /** The app's language (Settings), sent as Accept-Language: the server's emails and SMS follow it. */
    private readonly language?: () => 'sv' | 'en',
  ) {}

  async call<N extends IdentityRouteName>(name: N, options: CallOptions<N> = {}): Promise<RouteValue<N>> {
    const route = identityRoutes[name];
    const base = this.baseUrl();
    if (!base || !('response' in route)) throw new AppError('session.network');
    const url = new URL(pathFor(route.path, options.params).replace(/^\//, ''), base);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.language) headers['Accept-Language'] = this.language();
    const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
    if (hasBody) headers['Content-Type'] = 'application/json';
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method: route.method,
        headers,
        body: hasBody ? JSON.stringify(options.body ?? {}) : null,
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
        redirect: 'error',
      });
    } catch (e) {
      throw new AppError('session.network', undefined, { cause: e });
    }
    type Body = { ok?: unknown; value?: unknown; error?: unknown } | null;
    let body: Body;
    try {
      body = (await res.json()) as Body;
    } catch (e) {
      throw new AppError('session.network', undefined, { cause: e });
    }
    if (body?.ok === true) {
      const parsed = (route.response as z.ZodType).safeParse(body.value);
      if (!parsed.success) throw new AppError('internal', undefined, { cause: parsed.error });
      return parsed.data as RouteValue<N>;
    }
    const err = WireErrorSchema.safeParse(body?.error);
    if (!err.success) throw new AppError('session.network', undefined, { cause: `HTTP ${res.status}` });
    if (err.data.code === 'auth.invalid-session' && options.token) this.onInvalidSession?.(options.token);
    throw options.mapError?.(err.data) ?? mapServerError(err.data);
  }
}

/** The server's own code behind a mapped failure, for the few places the service reacts to one. */
export const serverCodeOf = (e: unknown): string | undefined => (e instanceof AppError ? e.serverCode : undefined);
