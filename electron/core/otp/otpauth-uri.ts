import { ACCOUNT_TEXT_LIMITS } from '@shared/contract/names';
import { AppError } from '@shared/result';
import { toAccountSpec, type OtpAccountSpec } from './spec';

/**
 * `otpauth://TYPE/LABEL?PARAMETERS` as Google's Key-Uri-Format describes it
 * (github.com/google/google-authenticator/wiki/Key-Uri-Format). Parsing only splits the URI
 * into fields; every rule on the values (base32, digits, period, ...) is `toAccountSpec`'s, so
 * a URI, a migration export and the manual form all fail with the same specific error codes.
 */

/** Hand-split rather than `new URL()`: WHATWG URL lower-cases and re-encodes parts of non-special schemes. */
const OTPAUTH_RE = /^otpauth:\/\/([^/?#]*)\/?([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;

const PARAMS_ONCE = ['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter'] as const;

export function invalidUri(reason: string, cause?: unknown): AppError {
  return new AppError('otp.invalid-uri', { reason }, cause === undefined ? undefined : { cause });
}

export function isOtpauthUri(text: string): boolean {
  return /^otpauth:\/\//i.test(text.trim());
}

export function parseOtpauthUri(uri: string): OtpAccountSpec {
  const text = uri.trim();
  if (!isOtpauthUri(text)) throw new AppError('otp.not-an-authenticator-code');
  // The IPC contract's cap on `uri` (a QR code holds at most ~3 KB anyway).
  if (text.length > ACCOUNT_TEXT_LIMITS.uri) throw invalidUri('too-long');
  const match = OTPAUTH_RE.exec(text);
  if (!match) throw invalidUri('syntax');
  const [, type = '', rawLabel = '', query = ''] = match;
  if (type === '') throw invalidUri('type-missing');

  const params = new URLSearchParams(query);
  for (const name of PARAMS_ONCE) {
    // Two different secrets (or digits) in one URI is ambiguous: refuse rather than guess.
    if (params.getAll(name).length > 1) throw invalidUri(`duplicate-${name}`);
  }

  const { issuer: labelIssuer, account } = splitLabel(decodeComponent(rawLabel, 'label-encoding'));
  // Key-Uri-Format: prefix and parameter "should be equal"; newer Google Authenticator
  // versions key accounts by the parameter, so when both are present the parameter wins.
  const issuerParam = params.get('issuer');
  const issuer = issuerParam !== null && issuerParam.trim() !== '' ? issuerParam : labelIssuer;

  const isHotp = type.toLowerCase() === 'hotp';
  const digits = optionalInteger(params.get('digits'), 'digits');
  // Steam Guard: `otpauth://steam/...` (Aegis, 2FAS, Ente), `encoder=steam` (KeePassXC and others),
  // or a TOTP link of issuer Steam with no other length than Steam's.
  const steam =
    type.toLowerCase() === 'steam' ||
    (type.toLowerCase() === 'totp' && (params.get('encoder')?.toLowerCase() === 'steam' || (/^steam$/i.test(issuer.trim()) && (digits === undefined || digits === 5))));
  const counter = params.get('counter');
  if (isHotp && counter === null) throw invalidUri('counter-missing');

  return toAccountSpec({
    type: steam ? 'steam' : type,
    issuer,
    label: account,
    secret: params.get('secret') ?? '',
    algorithm: params.get('algorithm') ?? undefined,
    digits,
    period: optionalInteger(params.get('period'), 'period'),
    // A counter on a TOTP URI is meaningless; ignore it instead of failing the import.
    counter: isHotp ? optionalInteger(counter, 'counter') : undefined,
  });
}

/** The inverse, for exports and round-trip tests: label is `Issuer:account`, issuer also as a parameter. */
export function formatOtpauthUri(spec: OtpAccountSpec): string {
  const label = spec.issuer
    ? `${encodeURIComponent(spec.issuer)}:${encodeURIComponent(spec.label)}`
    : encodeURIComponent(spec.label);
  const params = new URLSearchParams({ secret: spec.secret });
  if (spec.issuer) params.set('issuer', spec.issuer);
  params.set('algorithm', spec.algorithm);
  params.set('digits', String(spec.digits));
  // Steam: the form Aegis, 2FAS and Ente Auth write and read (`otpauth://steam/...`), with KeePassXC's encoder too.
  if (spec.type === 'steam') params.set('encoder', 'steam');
  if (spec.type === 'hotp') params.set('counter', String(spec.counter));
  else params.set('period', String(spec.period));
  // URLSearchParams writes spaces as '+', which every reader of the query accepts; keep %20 anyway
  // because a few authenticators decode the query with decodeURIComponent only.
  return `otpauth://${spec.type}/${label}?${params.toString().replace(/\+/g, '%20')}`;
}

function splitLabel(label: string): { issuer: string; account: string } {
  // Key-Uri-Format: `issuer ":" *"%20" accountname`; neither part may contain a colon, so the first one splits.
  const colon = label.indexOf(':');
  if (colon < 0) return { issuer: '', account: label.trim() };
  return { issuer: label.slice(0, colon).trim(), account: label.slice(colon + 1).trim() };
}

function decodeComponent(value: string, reason: string): string {
  try {
    return decodeURIComponent(value);
  } catch (e) {
    throw invalidUri(reason, e);
  }
}

function optionalInteger(value: string | null, name: string): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (!/^\d{1,16}$/.test(text)) throw invalidUri(`${name}-not-a-number`);
  return Number(text);
}
