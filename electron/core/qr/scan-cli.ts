import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { isAppError } from '@shared/result';
import type { OtpAccountSpec } from '../otp/spec';
import { decodeQrCodes } from './decode';
import { loadImage } from './image';
import { accountsFromPayloads } from './scan-accounts';

/**
 * `npm run scan -- <image-file>`: a PNG or JPEG through the same decode and parse path the app
 * uses. stdout is one JSON object; human-readable detail goes to stderr.
 * Exit codes: 0 accounts found, 1 no usable code in the image, 2 usage / unreadable file.
 */

interface CliAccount {
  type: 'totp' | 'hotp' | 'steam';
  issuer: string;
  account: string;
  secret: string;
  algorithm: string;
  digits: number;
  period: number;
  counter?: number;
}

function toCli(spec: OtpAccountSpec): CliAccount {
  const out: CliAccount = {
    type: spec.type,
    issuer: spec.issuer,
    account: spec.label,
    secret: spec.secret,
    algorithm: spec.algorithm,
    digits: spec.digits,
    period: spec.period,
  };
  if (spec.type === 'hotp') out.counter = spec.counter;
  return out;
}

/** Stable CLI error names for the app's error codes. */
function cliError(code: string): string {
  if (code === 'qr.no-qr-found') return 'no-qr-found';
  if (code === 'otp.not-an-authenticator-code') return 'not-an-authenticator-code';
  if (code.startsWith('otp.')) return 'invalid-otpauth';
  if (code === 'qr.image-too-large') return 'image-too-large';
  return 'unsupported-image';
}

function fail(error: string, message: string, exitCode: number): void {
  process.stdout.write(`${JSON.stringify({ error })}\n`);
  process.stderr.write(`scan: ${message}\n`);
  process.exitCode = exitCode;
}

export async function main(args: string[]): Promise<void> {
  const file = args.find((a) => a !== '--');
  if (!file || args.length > 2) {
    fail('usage', 'usage: npm run scan -- <image.png|image.jpg>', 2);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    fail('unreadable-file', `cannot read ${file}: ${reason}`, 2);
    return;
  }
  try {
    const { accounts } = accountsFromPayloads(decodeQrCodes(loadImage(bytes)));
    process.stdout.write(`${JSON.stringify({ accounts: accounts.map(toCli) })}\n`);
  } catch (e) {
    if (!isAppError(e)) throw e;
    const detail = e.params ? ` ${JSON.stringify(e.params)}` : '';
    const exitCode = e.code.startsWith('qr.') && e.code !== 'qr.no-qr-found' ? 2 : 1;
    fail(cliError(e.code), `${e.code}${detail}`, exitCode);
  }
}

// Run only as the entry point (npm run scan), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
