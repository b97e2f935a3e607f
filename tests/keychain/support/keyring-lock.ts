import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { sessionBusSocket } from '../../../electron/core/secrets/secret-service-probe';

/**
 * Locks and unlocks the real login collection of the gnome-keyring that scripts/with-session.mjs
 * started (its password is the throwaway one that script feeds it).
 */
export const LOGIN = '/org/freedesktop/secrets/collection/login';
const KEYRING_PASSWORD = 'flex-test-keyring';

/** The Secret Service's own Lock method, as the reproduction calls it. */
export function lockLogin(): void {
  execFileSync(
    'gdbus',
    [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.secrets',
      '--object-path',
      '/org/freedesktop/secrets',
      '--method',
      'org.freedesktop.Secret.Service.Lock',
      `['${LOGIN}']`,
    ],
    { stdio: 'ignore', timeout: 10_000 },
  );
}

export function loginLocked(): boolean {
  const out = execFileSync(
    'gdbus',
    [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.secrets',
      '--object-path',
      LOGIN,
      '--method',
      'org.freedesktop.DBus.Properties.Get',
      'org.freedesktop.Secret.Collection',
      'Locked',
    ],
    { encoding: 'utf8', timeout: 10_000 },
  );
  return out.includes('true');
}

interface Bus {
  invoke(msg: object, cb: (err: unknown, ...body: unknown[]) => void): void;
}

/**
 * gnome-keyring's prompt-less unlock (there is no prompter on a headless box): a plain-text
 * Secret Service session and UnlockWithMasterPassword, on one connection as the session requires.
 */
export async function unlockLogin(): Promise<void> {
  const socket = sessionBusSocket(process.env.DBUS_SESSION_BUS_ADDRESS);
  if (!socket) throw new Error('no session bus');
  const dbus = createRequire(import.meta.url)('@homebridge/dbus-native') as { createClient(o: object): Bus };
  const stream = createConnection(socket);
  const bus = dbus.createClient({ stream });
  const call = (msg: object) =>
    new Promise<unknown[]>((resolve, reject) =>
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- dbus-native fails with the D-Bus error body, passed on as it is.
      bus.invoke({ destination: 'org.freedesktop.secrets', ...msg }, (err, ...body) => (err ? reject(err) : resolve(body))),
    );
  try {
    const [, session] = (await call({
      path: '/org/freedesktop/secrets',
      interface: 'org.freedesktop.Secret.Service',
      member: 'OpenSession',
      signature: 'sv',
      body: ['plain', ['s', '']],
    })) as [unknown, string];
    await call({
      path: '/org/freedesktop/secrets',
      interface: 'org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface',
      member: 'UnlockWithMasterPassword',
      signature: 'o(oayays)',
      body: [LOGIN, [session, Buffer.alloc(0), Buffer.from(KEYRING_PASSWORD), 'text/plain']],
    });
  } finally {
    stream.destroy();
  }
}
