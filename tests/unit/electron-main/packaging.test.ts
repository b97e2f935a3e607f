import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const config = load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as {
  electronFuses: Record<string, boolean>;
  files: string[];
  asarUnpack: string[];
  mac: { hardenedRuntime: boolean; entitlements: string };
};

describe('electron-builder.yml', () => {
  it('flips the hardening fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });
  it('excludes dev hosts, tests, bench, audit, native sources and other platforms prebuilds', () => {
    const files: string[] = config.files;
    for (const pattern of ['!electron/browser-host/**', '!out/browser-host/**', '!tests/**', '!bench/**', '!audit/**', '!**/node_modules/better-sqlite3/deps/**', '!**/node_modules/better-sqlite3/src/**'])
      expect(files).toContain(pattern);
    expect(files.some((f) => f.includes('prebuilds/!(${os})'))).toBe(true);
  });
  it('unpacks keytar and better-sqlite3 native parts from the asar', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringContaining('keytar'), expect.stringContaining('better-sqlite3')]));
  });
  it('signs macOS with the hardened runtime and an entitlements file that exists', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    const plist = readFileSync(resolve(root, config.mac.entitlements), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    expect(plist).not.toContain('disable-library-validation');
  });
});
