/**
 * Fuzzes the IPC dispatcher directly, as a compromised or buggy renderer would call it: every
 * channel of the contract with hostile payloads (wrong types, huge strings, `__proto__` /
 * `constructor` / `prototype` keys, NaN and Infinity, deep nesting, arrays where objects go, the
 * right field names with wrong values), plus unknown and prototype-named channels. Every answer
 * must be a Result with a catalogued client code; `internal` (a handler threw something the
 * contract does not name) is a defect, as is a call that throws instead of answering, a slow call,
 * a polluted Object.prototype, or a secret in an answer.
 *
 * `npm run audit -- ipc-fuzz` (IPC_FUZZ_N rounds per channel, default 150).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { CHANNEL_NAMES, channels, type ChannelName } from '@shared/contract';
import { isClientErrorCode } from '@shared/contract/errors';
import { createAppCore } from '../electron/core/app-core';
import { MemorySecretStore } from '../electron/core/secrets/memory-secret-store';
import { startIdentityMock } from '../electron/mock/start';

const N = Number(process.env.IPC_FUZZ_N ?? 150);
const SLOW_MS = 5_000;
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let seed = 20261207;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const deep = (n: number): unknown => (n === 0 ? {} : { a: deep(n - 1) });
const deepArray = (n: number): unknown => (n === 0 ? [] : [deepArray(n - 1)]);
const HOSTILE: (() => unknown)[] = [
  () => undefined,
  () => null,
  () => NaN,
  () => Infinity,
  () => -Infinity,
  () => -0,
  () => 2 ** 53 + 1,
  () => 1e308,
  () => -1,
  () => 0.5,
  () => true,
  () => '',
  () => ' ',
  () => 'x'.repeat(1_000_000),
  () => 'é'.repeat(70_000),
  () => '\u0000',
  () => '\ud800',
  () => '../../etc/passwd',
  () => 'otpauth://totp/A:b?secret=' + 'A'.repeat(100_000),
  () => `otpauth://totp/GitHub:anna?secret=${SECRET}&issuer=GitHub`,
  () => 'otpauth-migration://offline?data=' + 'A'.repeat(5000),
  () => '__proto__',
  () => 'constructor',
  () => [],
  () => [1, 2, 3],
  () => ({}),
  (): unknown => JSON.parse('{"__proto__":{"polluted":true}}'),
  () => ({ constructor: { prototype: { polluted: true } } }),
  () => deep(5_000),
  () => deepArray(5_000),
  () => new Array<string>(200_000).fill('00000000-0000-4000-8000-000000000000'),
  (): unknown => Object.create(null),
  () => new Date(),
  () => new Uint8Array(10),
];

/** The field names a schema knows (object shapes, union options), so fuzzed payloads reach the handlers. */
function keysOf(schema: z.ZodType, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 4) return out;
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  const shape = def.shape as Record<string, z.ZodType> | undefined;
  if (shape) {
    for (const [k, v] of Object.entries(shape)) {
      out.add(k);
      keysOf(v, out, depth + 1);
    }
  }
  for (const key of ['options', 'innerType', 'in', 'out', 'schema', 'left', 'right'] as const) {
    const inner = def[key];
    if (Array.isArray(inner)) for (const o of inner) keysOf(o as z.ZodType, out, depth + 1);
    else if (inner && typeof inner === 'object' && 'def' in inner) keysOf(inner as z.ZodType, out, depth + 1);
  }
  return out;
}

const ID = () => pick([knownId, '00000000-0000-4000-8000-000000000000']);
/** A payload the contract accepts, per channel (so the handlers run), which the fuzz then bends. */
const VALID: Partial<Record<ChannelName, () => Record<string, unknown>>> = {
  'settings.updateSettings': () => pick([{ language: 'sv' }, { clearClipboard: false }, { language: 'en', clearClipboard: true }]),
  'vault.addAccount': () =>
    pick([
      { source: 'manual', issuer: `I${rnd()}`, label: 'l', secret: 'GEZDGNBVGY3TQOJQGEZDGNBV' },
      { source: 'uri', uri: `otpauth://totp/X:${rnd()}?secret=GEZDGNBVGY3TQOJQ&issuer=X` },
    ]),
  'vault.renameAccount': () => ({ id: ID(), issuer: 'A', label: 'b' }),
  'vault.pinAccount': () => ({ id: ID(), pinned: rnd() < 0.5 }),
  'vault.reorderAccounts': () => ({ ids: [ID(), ID()] }),
  'vault.deleteAccount': () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  'vault.copyCode': () => ({ id: ID() }),
  'vault.advanceHotpCounter': () => ({ id: ID() }),
  'session.setServer': () => pick([{ kind: 'embedded' }, { kind: 'custom', url: 'http://127.0.0.1:1/' }]),
  'session.signInLegacy': () => ({ userId: 'anna', password: 'wrong' }),
  'session.discoverAccount': () => ({ email: 'karin.nordin@nordbolaget.se', saveEmail: false }),
  'session.submitPassword': () => ({ password: 'Wrong-1!' }),
  'session.completeSso': () => ({ approve: true }),
  'recovery.sendLink': () => ({ email: 'karin.nordin@nordbolaget.se', kind: 'reset', language: 'en' }),
  'recovery.getResetInfo': () => ({ token: 'A'.repeat(43) }),
  'recovery.completeReset': () => ({ token: 'A'.repeat(43), password: 'Sommar-2026!' }),
  'session.completeMagicLink': () => ({ token: 'A'.repeat(43) }),
  'session.chooseMfa': () => ({ method: 'totp' }),
  'session.verifyMfa': () => ({ code: '123456', rememberDevice: false }),
  'setup.beginSetup': () => ({ origin: 'account' }),
  'setup.goToStep': () => ({ step: 'totp-qr' }),
  'setup.confirmTotp': () => ({ code: '123456' }),
  'setup.answerPushConsent': () => ({ approve: true }),
  'setup.sendSms': () => ({ phone: '+46701234567' }),
  'setup.confirmSms': () => ({ code: '123456' }),
  'setup.finishSetup': () => ({ stored: true }),
  'push.answerRequest': () => ({ id: 'x', approve: true, number: '12' }),
  'prep.sendCode': () => ({ email: 'anna@example.org' }),
  'prep.verifyCode': () => ({ code: '123456' }),
  'mailbox.listMessages': () => ({ recipient: 'karin.nordin@nordbolaget.se' }),
  'admin.resendVerification': () => ({ userId: 'anna' }),
  'admin.removeConnection': () => ({ userId: 'anna' }),
  'account.removeFactor': () => ({ factorId: 'f1' }),
  'scan.scanImage': () => ({ imageBase64: Buffer.from('not a png').toString('base64') }),
  'scan.scanRegion': () => ({ captureId: 'c', screen: 0, x: 0, y: 0, width: 10, height: 10 }),
  'scan.discardCapture': () => ({ captureId: 'c' }),
};

function payloadFor(channel: ChannelName): unknown {
  const keys = [...keysOf(channels[channel].request), '__proto__', 'constructor', 'prototype', 'source', 'extra'];
  const r = rnd();
  if (r < 0.15) return pick(HOSTILE)();
  const valid = VALID[channel]?.() ?? {};
  // The valid payload as is, or with one of its fields (or a stranger) made hostile.
  if (r < 0.35) return valid;
  if (r < 0.7) {
    const k = rnd() < 0.8 && Object.keys(valid).length ? pick(Object.keys(valid)) : pick(keys);
    if (k === '__proto__')
      Object.defineProperty(valid, k, { value: pick(HOSTILE)(), enumerable: true, configurable: true, writable: true });
    else valid[k] = pick(HOSTILE)();
    return valid;
  }
  const o: Record<string, unknown> = {};
  for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) {
    const k = pick(keys);
    // Own `__proto__` keys as JSON.parse and structured clone make them.
    if (k === '__proto__') Object.defineProperty(o, k, { value: pick(HOSTILE)(), enumerable: true, configurable: true, writable: true });
    else
      o[k] =
        rnd() < 0.3
          ? pick(['manual', 'uri', 'image', 'sv', 'en', 'GitHub', 'anna', SECRET, 'reset', 'magic', 'totp', 'push', 'sms'])
          : pick(HOSTILE)();
  }
  return o;
}

const dir = mkdtempSync(join(tmpdir(), 'flex-ipc-fuzz-'));
const mock = await startIdentityMock({ port: 0, seedDemoData: true });
const core = await createAppCore({
  dataDir: dir,
  secretStore: new MemorySecretStore(),
  embeddedServerUrl: mock.url,
  embeddedMailboxToken: mock.mailboxToken,
  info: { name: 'x', version: '0', platform: 'linux', host: 'browser-host', systemLocale: 'en', screenCapture: 'renderer' },
});
const tally = { calls: 0, ok: 0, typed: 0, internal: 0, untyped: 0, threw: 0, slow: 0, leaked: 0 };
const problems: string[] = [];
const note = (what: string): void => {
  if (problems.length < 12) problems.push(what);
};
const protoBefore = Object.getOwnPropertyNames(Object.prototype).join();
// A secret the fuzz may add through vault.addAccount: it must never come back in any answer.
const added = (await core.dispatch('vault.addAccount', { source: 'manual', issuer: 'Fuzz', label: 'known', secret: SECRET })) as {
  ok: true;
  value: { account: { id: string } };
};
const knownId = added.value.account.id;
// The QR worker starts on its first frame: not a slow call of the fuzz.
await core.dispatch('scan.scanImage', { imageBase64: Buffer.from('warm-up').toString('base64') });

/** JSON.stringify gives undefined (despite its type) for undefined and functions; show those as `undefined`. */
function shown(v: unknown): string {
  const json = JSON.stringify(v) as string | undefined;
  return json ?? 'undefined';
}

async function call(channel: unknown, payload: unknown): Promise<void> {
  tally.calls++;
  const started = Date.now();
  let answer: unknown;
  try {
    answer = await core.dispatch(channel, payload);
  } catch (e) {
    tally.threw++;
    note(`threw on ${String(channel)}: ${String(e).slice(0, 120)}`);
    return;
  }
  const ms = Date.now() - started;
  if (ms > SLOW_MS) {
    tally.slow++;
    note(`slow ${String(channel)}: ${ms} ms with ${shown(payload).slice(0, 100)}`);
  }
  const a = answer as { ok?: unknown; value?: unknown; error?: { code?: unknown } } | null | undefined;
  const text = (JSON.stringify(answer) as string | undefined) ?? '';
  if (text.includes(SECRET)) {
    tally.leaked++;
    note(`secret in the answer of ${String(channel)}`);
  }
  if (a?.ok === true && 'value' in a) tally.ok++;
  else if (a?.ok === false && a.error?.code === 'internal') {
    tally.internal++;
    note(`internal on ${String(channel)} with ${shown(payload).slice(0, 160)}`);
  } else if (a?.ok === false && isClientErrorCode(String(a.error?.code))) tally.typed++;
  else {
    tally.untyped++;
    note(`untyped on ${String(channel)}: ${text.slice(0, 160)}`);
  }
}

try {
  const started = Date.now();
  for (const channel of CHANNEL_NAMES) {
    for (let i = 0; i < N; i++) await call(channel, payloadFor(channel));
  }
  for (const odd of [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '',
    null,
    undefined,
    42,
    {},
    ['vault.listAccounts'],
    'vault.listAccounts\u0000',
    'VAULT.LISTACCOUNTS',
  ]) {
    await call(odd, {});
  }
  const polluted =
    Object.getOwnPropertyNames(Object.prototype).join() !== protoBefore || ({} as Record<string, unknown>).polluted !== undefined;
  console.log(
    `ipc-fuzz: ${tally.calls} calls over ${CHANNEL_NAMES.length} channels in ${Math.round((Date.now() - started) / 1000)} s: ${tally.ok} ok, ${tally.typed} typed failures, ` +
      `${tally.internal} internal, ${tally.untyped} untyped, ${tally.threw} threw, ${tally.slow} slower than ${SLOW_MS / 1000} s, ${tally.leaked} answers with a secret, Object.prototype polluted: ${polluted}`,
  );
  for (const p of problems) console.log(`  ${p}`);
  const bad = tally.internal + tally.untyped + tally.threw + tally.slow + tally.leaked + (polluted ? 1 : 0);
  process.exitCode = bad === 0 ? 0 : 1;
} finally {
  await core.shutdown();
  core.close();
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit();
