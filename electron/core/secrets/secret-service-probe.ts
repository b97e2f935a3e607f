import { createRequire } from 'node:module';
import { createConnection, type Socket } from 'node:net';
import { AppError } from '@shared/result';

/**
 * Asks the Secret Service (Linux) over D-Bus, before keytar touches it, whether the keychain can
 * be used now. keytar's `findCredentials` dereferences a NULL secret when a matching item sits in
 * a locked collection (libsecret: `secret_value_get_text: assertion 'value' failed`), which is a
 * SIGSEGV that takes the whole process down; `getPassword` and `deletePassword` answer "not found"
 * for a locked item, and a write fails. None of that may reach keytar: a locked keychain is
 * reported as `keychain.locked`, a missing one as `keychain.unavailable`, and the native call is
 * not made. The probe speaks D-Bus itself (@homebridge/dbus-native, pure JavaScript), so it runs
 * in plain Node and in Electron main alike and needs no command-line tool.
 */
export interface KeychainProbe {
  /** Resolves when `service`'s items and the default collection are unlocked; else throws an AppError. */
  assertUsable(service: string): Promise<void>;
  /** The same check, answering the `account` of every item keytar stored under `service`. */
  unlockedAccounts(service: string): Promise<string[]>;
}

/** The libsecret schema keytar stores its items under (libsecret adds it as `xdg:schema`). */
const KEYTAR_SCHEMA = 'org.freedesktop.Secret.Generic';
const ITEM_IFACE = 'org.freedesktop.Secret.Item';

const SECRETS = 'org.freedesktop.secrets';
const SERVICE_PATH = '/org/freedesktop/secrets';
const SERVICE_IFACE = 'org.freedesktop.Secret.Service';
const COLLECTION_IFACE = 'org.freedesktop.Secret.Collection';
const PROBE_TIMEOUT_MS = 5_000;

interface DbusMessage {
  destination: string;
  path: string;
  interface: string;
  member: string;
  signature?: string;
  body?: unknown[];
}
interface DbusBus {
  invoke(msg: DbusMessage, cb: (err: unknown, ...body: unknown[]) => void): void;
  connection: { on(event: 'error', fn: (e: unknown) => void): void };
}
interface DbusNative {
  createClient(opts: { stream: Socket }): DbusBus;
}

/**
 * The socket of a session-bus address (`unix:path=` or Linux's `unix:abstract=`); null when none of
 * its entries is one we can open. Parsed here because the library only knows `path=`.
 */
export function sessionBusSocket(address: string | undefined): string | null {
  for (const entry of (address ?? '').split(';')) {
    const [family, rest = ''] = entry.split(/:(.*)/s);
    if (family !== 'unix') continue;
    const params = new Map(rest.split(',').map((p) => p.split('=') as [string, string]));
    const path = params.get('path');
    if (path) return path;
    const abstract = params.get('abstract');
    if (abstract) return `\0${abstract}`;
  }
  return null;
}

/** D-Bus errors and transport failures as the two keychain states a person can act on. */
function unavailable(cause: unknown): AppError {
  return new AppError('keychain.unavailable', undefined, { cause });
}

export class SecretServiceProbe implements KeychainProbe {
  constructor(private readonly busAddress: () => string | undefined = () => process.env.DBUS_SESSION_BUS_ADDRESS) {}

  async assertUsable(service: string): Promise<void> {
    await this.inspect(service, false);
  }

  unlockedAccounts(service: string): Promise<string[]> {
    return this.inspect(service, true);
  }

  private async inspect(service: string, wantAccounts: boolean): Promise<string[]> {
    const socket = sessionBusSocket(this.busAddress());
    if (!socket) throw unavailable(new Error('no D-Bus session bus'));
    const dbus = createRequire(import.meta.url)('@homebridge/dbus-native') as DbusNative;
    const stream = createConnection(socket);
    // Every failure of the connection (refused, reset, a failed handshake) fails the probe, and is
    // never left as an unhandled 'error' event.
    let failed!: (e: unknown) => void;
    const broken = new Promise<never>((_, reject) => (failed = (e) => reject(unavailable(e))));
    broken.catch(() => {});
    stream.on('error', failed);
    const bus = dbus.createClient({ stream });
    bus.connection.on('error', failed);
    const call = (path: string, iface: string, member: string, signature: string, body: unknown[]) =>
      Promise.race([broken, this.invoke(bus, { destination: SECRETS, path, interface: iface, member, signature, body })]);
    try {
      // Items of this service in a locked collection: the case that crashes findCredentials.
      const [unlocked, locked] = (await call(SERVICE_PATH, SERVICE_IFACE, 'SearchItems', 'a{ss}', [[['service', service]]])) as [
        string[],
        string[],
      ];
      if (locked.length > 0) throw new AppError('keychain.locked');
      // Where new items go (keytar writes to the default collection): locked means adds would fail.
      const [collection] = (await call(SERVICE_PATH, SERVICE_IFACE, 'ReadAlias', 's', ['default'])) as [string];
      if (collection && collection !== '/') {
        // A variant arrives as [signature, [value]].
        const [[, [isLocked]]] = (await call(collection, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [COLLECTION_IFACE, 'Locked'])) as [
          [unknown, [boolean]],
        ];
        if (isLocked) throw new AppError('keychain.locked');
      }
      if (!wantAccounts) return [];
      const attributes = await Promise.all(
        unlocked.map(async (item) => {
          const [[, [pairs]]] = (await call(item, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [ITEM_IFACE, 'Attributes'])) as [
            [unknown, [Array<[string, string]>]],
          ];
          return new Map(pairs);
        }),
      );
      return attributes
        .filter((a) => a.get('xdg:schema') === KEYTAR_SCHEMA && a.get('service') === service)
        .map((a) => a.get('account') ?? '')
        .filter(Boolean);
    } finally {
      stream.destroy();
    }
  }

  /** A method call's reply body (one entry per out-argument). */
  private invoke(bus: DbusBus, msg: DbusMessage): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(unavailable(new Error(`${msg.member} timed out`))), PROBE_TIMEOUT_MS);
      bus.invoke(msg, (err, ...body) => {
        clearTimeout(timer);
        if (err) reject(unavailable(err));
        else resolve(body);
      });
    });
  }
}

/** The probe this platform needs: only the Secret Service has the locked-collection crash. */
export function defaultKeychainProbe(platform: string = process.platform): KeychainProbe | null {
  return platform === 'linux' ? new SecretServiceProbe() : null;
}
