import { describe, expect, it } from 'vitest';
import { defaultKeychainProbe, SecretServiceProbe, sessionBusSocket } from '../../../electron/core/secrets/secret-service-probe';

describe('sessionBusSocket', () => {
  it('opens unix:path= and Linux abstract sockets, skipping what it cannot open', () => {
    expect(sessionBusSocket('unix:path=/run/user/1000/bus')).toBe('/run/user/1000/bus');
    expect(sessionBusSocket('unix:path=/tmp/dbus-x,guid=abc')).toBe('/tmp/dbus-x');
    expect(sessionBusSocket('unix:abstract=/tmp/dbus-y,guid=1')).toBe('\0/tmp/dbus-y');
    expect(sessionBusSocket('tcp:host=localhost,port=1;unix:path=/b')).toBe('/b');
    expect(sessionBusSocket(undefined)).toBeNull();
    expect(sessionBusSocket('launchd:env=X')).toBeNull();
  });

  it('only Linux gets a probe (macOS and Windows keychains have no locked-collection crash)', () => {
    expect(defaultKeychainProbe('linux')).toBeInstanceOf(SecretServiceProbe);
    expect(defaultKeychainProbe('darwin')).toBeNull();
    expect(defaultKeychainProbe('win32')).toBeNull();
  });

  it('a bus address that leads nowhere is keychain.unavailable, not a hang or an unhandled error', async () => {
    await expect(new SecretServiceProbe(() => 'unix:path=/nonexistent/flex-bus').assertUsable('s')).rejects.toMatchObject({
      code: 'keychain.unavailable',
    });
  });
});
