import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const config = load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as {
  electronFuses: Record<string, boolean>;
  files: string[];
  asarUnpack: string[];
  mac: { hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; notarize: boolean };
  win: { signtoolOptions: { sign: string } };
  afterSign: string;
  publish: unknown;
  directories: { buildResources: string };
};
const require = createRequire(import.meta.url);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema (what `npm run dist` checks first)", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (c: unknown, l: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }, new DebugLogger(false)),
    ).rejects.toThrow();
  });
  it('flips the hardening fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
  it('excludes dev hosts, tests, bench, audit, native sources and other platforms prebuilds', () => {
    const files: string[] = config.files;
    for (const pattern of [
      '!electron/browser-host/**',
      '!out/browser-host/**',
      '!tests/**',
      '!bench/**',
      '!audit/**',
      '!**/node_modules/better-sqlite3/deps/**',
      '!**/node_modules/better-sqlite3/src/**',
    ])
      expect(files).toContain(pattern);
    expect(files.some((f) => f.includes('prebuilds/!(${os})'))).toBe(true);
    expect(files).toContain('!**/*.{map,d.ts,md,markdown}');
    // The shipped app is the built output, never the sources of the hosts or the build hooks.
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['out/**', 'resources/**', 'package.json']);
    expect(config.directories.buildResources).toBe('build');
  });
  it('unpacks keytar and better-sqlite3 native parts from the asar', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([expect.stringContaining('keytar'), expect.stringContaining('better-sqlite3')]),
    );
  });
  it('signs macOS with the hardened runtime and an entitlements file that exists', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      expect(file.startsWith('build/')).toBe(true);
      const plist = readFileSync(resolve(root, file), 'utf8');
      expect(plist).toContain('com.apple.security.cs.allow-jit');
      expect(plist).not.toContain('disable-library-validation');
      expect(plist).not.toContain('get-task-allow');
    }
  });
  it('updates are off unless a feed is configured', () => {
    expect(config.publish).toBeNull();
  });
});

describe('notarisation hook (afterSign)', () => {
  const load = () =>
    import(resolve(root, config.afterSign)) as Promise<{
      notarizeOptions(env: Record<string, string>, app: string): unknown;
      default: (ctx: unknown) => Promise<void>;
    }>;
  it('is off without credentials, and on a platform other than macOS', async () => {
    const hook = await load();
    expect(config.mac.notarize).toBe(false);
    expect(hook.notarizeOptions({}, '/a.app')).toBeNull();
    expect(hook.notarizeOptions({ APPLE_ID: 'x' }, '/a.app')).toBeNull();
    await expect(hook.default({ electronPlatformName: 'linux' })).resolves.toBeUndefined();
  });
  it('uses an API key, else an Apple ID with app-specific password and team', async () => {
    const hook = await load();
    expect(
      hook.notarizeOptions({ APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss', APPLE_ID: 'a' }, '/a.app'),
    ).toEqual({ appPath: '/a.app', appleApiKey: 'k.p8', appleApiKeyId: 'id', appleApiIssuer: 'iss' });
    expect(hook.notarizeOptions({ APPLE_ID: 'a@b', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' }, '/a.app')).toEqual({
      appPath: '/a.app',
      appleId: 'a@b',
      appleIdPassword: 'p',
      teamId: 'T',
    });
  });
});

describe('Windows signing hook', () => {
  const load = () =>
    import(resolve(root, config.win.signtoolOptions.sign)) as Promise<{
      signCommand(env: Record<string, string>, file: string): string | null;
      default: (c: { path: string }) => Promise<void>;
    }>;
  it('is off unless FLEX_WIN_SIGN_COMMAND is set', async () => {
    const hook = await load();
    expect(hook.signCommand({}, 'C:\\x.exe')).toBeNull();
    await expect(hook.default({ path: 'C:\\x.exe' })).resolves.toBeUndefined();
  });
  it('fills the quoted path in, and refuses a template without {file} or a path with quotes', async () => {
    const hook = await load();
    expect(hook.signCommand({ FLEX_WIN_SIGN_COMMAND: 'AzureSignTool sign -kvu $KV {file}' }, 'C:\\Flex HRM\\a.exe')).toBe(
      'AzureSignTool sign -kvu $KV "C:\\Flex HRM\\a.exe"',
    );
    expect(() => hook.signCommand({ FLEX_WIN_SIGN_COMMAND: 'sign' }, 'a.exe')).toThrow('{file}');
    expect(() => hook.signCommand({ FLEX_WIN_SIGN_COMMAND: 'sign {file}' }, 'a".exe')).toThrow('quotes');
  });
});
