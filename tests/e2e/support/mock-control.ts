import type { OutboxMessage } from '../../../shared/identity-api';

/**
 * The identity mock's test-control API (reset, outbox, clock), reached over HTTP with the
 * per-run token, as a tester would use it. Only the e2e tests use this; the app never does.
 */
export class MockControl {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(new URL(path, this.url), {
      method,
      headers: { 'x-test-control-token': this.token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const json = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
    if (!json.ok) throw new Error(`${method} ${path} failed: ${JSON.stringify(json.error)}`);
    return json.value as T;
  }

  async outbox(recipient: string): Promise<OutboxMessage[]> {
    const v = await this.call<{ messages: OutboxMessage[] }>('GET', `/test/outbox?recipient=${encodeURIComponent(recipient)}`);
    return v.messages;
  }

  /** The newest message to `recipient` whose template matches, waiting (polling) until it exists. */
  async waitForMessage(recipient: string, template: RegExp, after = 0, timeoutMs = 10_000): Promise<OutboxMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.outbox(recipient))
        .filter((m) => template.test(m.template) && m.createdAt >= after)
        .sort((a, b) => b.createdAt - a.createdAt)[0];
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No ${template} message to ${recipient}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async now(): Promise<number> {
    return (await this.call<{ now: number }>('GET', '/test/clock')).now;
  }

  async advanceClock(ms: number): Promise<void> {
    await this.call('POST', '/test/clock/advance', { ms });
  }
}

/** The six digits of an SMS or email code. */
export const codeIn = (m: OutboxMessage): string => {
  const match = /\b(\d{6})\b/.exec(m.text);
  if (!match?.[1]) throw new Error(`No code in ${m.template}`);
  return match[1];
};

/** The in-app route of an emailed link (`flexconnect://reset-password?token=...` -> `#/link/...`). */
export const appPathOf = (m: OutboxMessage, action: string): string => {
  const link = m.links.find((l) => l.action === action);
  if (!link) throw new Error(`No ${action} link in ${m.template}`);
  const url = new URL(link.url);
  return `/link/${action}${url.search}`;
};

/** A TOTP code for the manual key the app showed, at the mock's clock (which tests may move). */
export async function totpAt(manualKey: string, timestamp: number): Promise<string> {
  const { TOTP, Secret } = await import('otpauth');
  const totp = new TOTP({
    secret: Secret.fromBase32(manualKey.replace(/[\s-]/g, '').toUpperCase()),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  });
  return totp.generate({ timestamp });
}
