/**
 * Scrubs what could be a secret before anything is logged: TOTP secrets and otpauth links, one-time
 * codes, tokens (Bearer, JWT, long random strings), passwords, cookies, and any field named like
 * one. Applied to every argument of every log call in main, core, the mock and the renderer
 * (electron/core/log/index.ts), so a careless `log.info(request)` still writes nothing usable.
 * Over-redaction is the accepted cost: a log line is for finding a bug, not for reading data back.
 */

/** Field names whose values are never logged, whatever they hold. */
const SENSITIVE_KEY =
  /pass(word)?|secret|token|code|otp|cookie|authori[sz]ation|credential|seed|pin$|key$|signature|nonce|recovery|emergency|verifier|challenge/i;

const REPLACEMENTS: [RegExp, string][] = [
  // otpauth://totp/...?secret=... and otpauth-migration://offline?data=...: the whole link.
  [/otpauth(-migration)?:\/\/[^\s"'<>]*/gi, 'otpauth://[redacted]'],
  // Emailed links and query strings: the values of sensitive parameters.
  [/([?&#](?:secret|token|code|password|data|state|nonce|key|ticket|session)=)[^&\s"'<>]*/gi, '$1[redacted]'],
  // "password": "x", password=x, token: x (JSON, form bodies, util.inspect output).
  [
    /(["']?(?:[a-z_]*pass(?:word)?|[a-z_]*secret|[a-z_]*token|[a-z_]*code|otp|cookie|set-cookie|authorization)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,&;}\]]+)/gi,
    '$1[redacted]',
  ],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 [redacted]'],
  // JWTs.
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[jwt]'],
  // Base32 secrets (RFC 4648 alphabet, 16+ characters) and long random tokens (hex, base64url).
  [/\b[A-Z2-7]{16,}=*/g, '[secret]'],
  [/\b[A-Za-z0-9_-]{32,}={0,2}/g, '[token]'],
  // One-time codes: 6 to 8 digits standing alone (also "123 456").
  [/(?<![\d.:-])\d{3} \d{3}(?![\d.])/g, '[code]'],
  [/(?<![\d.:/-])\d{6,8}(?![\d.])/g, '[code]'],
];

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}

const MAX_DEPTH = 6;

/** A redacted copy of any value: strings scrubbed, sensitive fields dropped, errors kept as errors. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? '[function]' : value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    if (value.stack) copy.stack = redactText(value.stack);
    else delete copy.stack;
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string') Object.assign(copy, { code });
    if (value.cause !== undefined) copy.cause = redact(value.cause, depth + 1, seen);
    return copy;
  }
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEY.test(k) ? '[redacted]' : redact(v, depth + 1, seen);
  return out;
}
