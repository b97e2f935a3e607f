import { CLOCK_SKEW_WARN_MS, type ClockCheck } from '@shared/contract';
import type { Clock } from '@shared/clock';

const TIMEOUT_MS = 5000;

/**
 * The clock check (issue 12): TOTP codes are only right when this computer's clock is. When the
 * identity server answers, its time is compared with ours: the embedded mock's `/health` says its
 * `now` in ms; any other server is read by its HTTP `Date` header (1 s resolution, plenty for a
 * 15 s threshold). The server's time is taken as of the middle of the round trip.
 */
export class ClockCheckService {
  constructor(
    private readonly baseUrl: () => string | null,
    private readonly clock: Clock,
    private readonly fetchImpl: typeof fetch = (...a) => fetch(...a),
  ) {}

  async check(): Promise<ClockCheck> {
    const base = this.baseUrl();
    if (!base) return { state: 'unreachable' };
    const url = new URL('health', base.endsWith('/') ? base : `${base}/`);
    const sentAt = this.clock.now();
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
        cache: 'no-store',
      });
    } catch {
      return { state: 'unreachable' };
    }
    const receivedAt = this.clock.now();
    const serverNow = (await bodyNow(res)) ?? dateHeader(res);
    if (serverNow === null) return { state: 'unreachable' };
    const skewMs = serverNow - Math.round((sentAt + receivedAt) / 2);
    return { state: 'ok', skewMs, warn: Math.abs(skewMs) > CLOCK_SKEW_WARN_MS, server: url.host };
  }
}

async function bodyNow(res: Response): Promise<number | null> {
  try {
    const json = (await res.json()) as { value?: { now?: unknown }; now?: unknown };
    const now = json.value?.now ?? json.now;
    return typeof now === 'number' && Number.isFinite(now) ? now : null;
  } catch {
    return null;
  }
}

function dateHeader(res: Response): number | null {
  const date = res.headers.get('date');
  if (!date) return null;
  const t = Date.parse(date);
  return Number.isNaN(t) ? null : t;
}
