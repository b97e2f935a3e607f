import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppErrorData } from '@shared/contract/errors';
import { systemClock, type Clock } from '@shared/clock';
import { isClientError } from '@shared/result';
import { messageFor } from '../../renderer/src/composables/message-for';
import { errorsEn } from '../../renderer/src/i18n/errors/en';
import { BackupService } from '../core/backup/backup-service';
import { openDatabase } from '../core/db/migrations';
import { appMigrations } from '../core/db/app-migrations';
import { parseAuthenticatorText } from '../core/otp/parse-any';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import type { SecretStore } from '../core/secrets/secret-store';
import { SettingsStore } from '../core/settings/settings-store';
import { VaultService } from '../core/vault/vault-service';

/**
 * `npm run vault -- <command>`: the authenticator vault for scripts and power users, through the
 * same services as the app (app.db + the OS keychain). Secrets are only ever written to a file
 * the user names (`export`), never to stdout.
 *
 *   list [--json]                          accounts with their current code (no secrets)
 *   import FILE [--password-stdin] [--json] any export the app reads (its own backup too)
 *   export FILE [--plain] [--password-stdin] encrypted backup, or otpauth:// lines with --plain
 *
 * Options: --data-dir DIR (default: the app's own), --keychain-service NAME (default "Flex HRM Connect").
 * Exit codes: 0 done, 1 failed (one line on stderr says why), 2 wrong usage.
 */

export const APP_NAME = 'Flex HRM Connect';
export const USAGE = `usage: npm run vault -- <list [--json] | import FILE [--password-stdin] [--json] | export FILE [--plain] [--password-stdin]> [--data-dir DIR] [--keychain-service NAME]`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Everything on stdin (the password with --password-stdin). */
  stdin(): Promise<string>;
}

export interface CliDeps {
  openStore(service: string): SecretStore;
  clock?: Clock;
}

/** Where Electron's app.getPath('userData') puts the app's data on each platform. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME);
}

class UsageError extends Error {}
class CliFailure extends Error {}

/** One English line for any error (the app's own catalogue texts; never a raw code). */
function describe(error: AppErrorData): string {
  const t = (key: string, params: Record<string, unknown> = {}) => {
    const path = /^errorText\['([^']+)'\](.*)$/.exec(key);
    let node: unknown = path ? (errorsEn as Record<string, unknown>)[path[1] ?? ''] : undefined;
    for (const part of (path?.[2] ?? '').split('.').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') return key;
    return node.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));
  };
  return messageFor(t, error);
}

async function readPassword(io: CliIo, fromStdin: boolean | undefined, needed: string): Promise<string | undefined> {
  if (!fromStdin) return undefined;
  const text = (await io.stdin()).replace(/\r?\n$/, '');
  if (!text) throw new CliFailure(`${needed}: stdin was empty.`);
  return text;
}

export async function runVaultCli(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        'keychain-service': { type: 'string' },
        json: { type: 'boolean' },
        plain: { type: 'boolean' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const service = values['keychain-service'] ?? APP_NAME;
  let close = () => {};
  try {
    if (!command || !['list', 'import', 'export'].includes(command)) throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    if (command !== 'list' && !file) throw new UsageError(`${command} needs a FILE`);
    if (extra.length > 0 || (command === 'list' && file)) throw new UsageError(`unexpected argument "${extra[0] ?? file}"`);
    if (command !== 'import' && !existsSync(join(dataDir, 'app.db'))) throw new CliFailure(`No vault in ${dataDir} (use --data-dir).`);
    await mkdir(dataDir, { recursive: true });
    const db = openDatabase(join(dataDir, 'app.db'), appMigrations);
    close = () => db.close();
    const clock = deps.clock ?? systemClock;
    const vault = new VaultService(db, deps.openStore(service), clock, parseAuthenticatorText);
    const state = await vault.open();
    if (state !== 'ok') throw new CliFailure(describe({ code: state === 'locked' ? 'keychain.locked' : 'keychain.unavailable' }));
    // Automatic backups need the app's keychain key; the CLI does not write them.
    const backup = new BackupService({ vault, settings: new SettingsStore(db), keyStore: new MemorySecretStore(), clock, appName: `${APP_NAME} CLI` });

    if (command === 'list') {
      const { accounts } = await vault.list();
      const rows = accounts.map((a) => ({
        issuer: a.issuer,
        label: a.label,
        type: a.type,
        algorithm: a.algorithm,
        digits: a.digits,
        period: a.type === 'hotp' ? null : a.period,
        counter: a.counter,
        code: a.code,
      }));
      if (values.json) io.out(JSON.stringify(rows, null, 2));
      else for (const r of rows) io.out(`${r.code.padEnd(8)}  ${[r.issuer, r.label].filter(Boolean).join(': ')}  (${r.type}${r.type === 'hotp' ? `, counter ${r.counter}` : ''})`);
      return 0;
    }

    const path = resolve(file ?? '');
    if (command === 'import') {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(path);
      } catch {
        throw new CliFailure(`Cannot read ${path}.`);
      }
      const password = await readPassword(io, values['password-stdin'], 'a password was asked for');
      const preview = await backup.preview(bytes, password);
      const outcome = await backup.apply(preview.previewId);
      const unsupported = outcome.unsupported.map((u) => ({ name: u.name, reason: describe(u.reason) }));
      if (values.json) io.out(JSON.stringify({ added: outcome.added, replaced: outcome.replaced, skipped: outcome.skipped, unsupported }, null, 2));
      else {
        io.out(`Added ${outcome.added}, replaced ${outcome.replaced}, skipped ${outcome.skipped.length} (already there), not supported ${unsupported.length}.`);
        for (const u of unsupported) io.out(`  not imported: ${u.name}: ${u.reason}`);
      }
      return 0;
    }

    // export
    if (values.plain) {
      if (values['password-stdin']) throw new UsageError('--plain takes no password');
      await writeFile(path, await backup.exportPlain(), { mode: 0o600 });
      io.err(`Warning: ${path} holds every key UNENCRYPTED. Anyone who reads it can make your codes. Delete it as soon as it has been imported.`);
      return 0;
    }
    const password = await readPassword(io, values['password-stdin'], 'a backup password is needed');
    if (password === undefined) throw new UsageError('an encrypted export needs --password-stdin (or --plain)');
    const { text } = await backup.exportEncrypted(password);
    await writeFile(path, text, { mode: 0o600 });
    io.err(`Encrypted backup written to ${path}.`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof CliFailure) io.err(e.message);
    else if (isClientError(e)) io.err(describe(e.toData() as AppErrorData));
    else io.err(`Failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    close();
  }
}
