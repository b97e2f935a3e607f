import { createHash, randomBytes } from 'node:crypto';
import type { TransportFailure, TypedAnswer } from '../loopback-http/guard';

/**
 * Single-use launch keys: the address the host prints (and `BrowserHost.url`) carries one, the
 * host exchanges it once for its HttpOnly cookie. Only their SHA-256 is kept.
 */
export class LaunchKeys {
  private readonly unspent = new Set<string>();

  issue(): string {
    const key = randomBytes(24).toString('base64url');
    this.unspent.add(hash(key));
    return key;
  }

  /** True once per issued key. */
  redeem(key: string | undefined): boolean {
    if (typeof key !== 'string' || key.length > 100) return false;
    return this.unspent.delete(hash(key));
  }
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

const answer = (status: number, code: 'host.unauthorized' | 'host.bad-request' | 'internal'): TypedAnswer => ({
  status,
  body: { ok: false, error: { code } },
});

/** The browser host's transport failures in the app's own error catalogue (shared/contract/errors.ts). */
export const HOST_ANSWERS: Record<TransportFailure | 'unauthorized', TypedAnswer> = {
  unauthorized: answer(401, 'host.unauthorized'),
  'bad-host': answer(421, 'host.unauthorized'),
  'malformed-json': answer(400, 'host.bad-request'),
  'too-large': answer(413, 'host.bad-request'),
  'headers-too-large': answer(431, 'host.bad-request'),
  'unsupported-media-type': answer(415, 'host.bad-request'),
  'not-found': answer(404, 'host.bad-request'),
  'bad-request': answer(400, 'host.bad-request'),
  'expectation-failed': answer(417, 'host.bad-request'),
  'method-not-allowed': answer(405, 'host.bad-request'),
  timeout: answer(408, 'host.bad-request'),
  internal: answer(500, 'internal'),
};

/** A spent launch key opened without the cookie (another browser, or a copied address). Both languages: the app's setting is not known here. */
export const LAUNCH_USED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flex HRM Connect</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<main>
<h1>This address has already been used</h1>
<p>For your security each address the browser host prints opens the app once. Restart <code>npm run host</code> and open the new address it prints.</p>
<h2 lang="sv">Adressen har redan använts</h2>
<p lang="sv">Av säkerhetsskäl öppnar varje adress som webbläsarvärden skriver ut appen en gång. Starta om <code>npm run host</code> och öppna den nya adressen som den skriver ut.</p>
</main>
</body></html>`;
