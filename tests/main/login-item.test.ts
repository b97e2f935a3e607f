import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyStartAtLogin, HIDDEN_ARG, startedHidden } from '../../electron/main/login-item';

vi.mock('electron', () => ({}));

const fakeApp = (wasOpenedAtLogin = false) => ({
  setLoginItemSettings: vi.fn(),
  getLoginItemSettings: vi.fn(() => ({ wasOpenedAtLogin }) as never),
});

describe('start at login', () => {
  let dir: string;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('macOS and Windows: app.setLoginItemSettings, started hidden', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const app = fakeApp();
      applyStartAtLogin(true, { app, platform, execPath: '/x' });
      expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: [HIDDEN_ARG] });
      applyStartAtLogin(false, { app, platform, execPath: '/x' });
      expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false, args: [] });
    }
  });

  it('Linux: an XDG autostart entry, written and removed', () => {
    dir = mkdtempSync(join(tmpdir(), 'flex-login-'));
    const app = fakeApp();
    applyStartAtLogin(true, { app, platform: 'linux', execPath: '/opt/Flex HRM/flex', configHome: dir });
    const file = join(dir, 'autostart', 'flex-hrm-connect.desktop');
    expect(readFileSync(file, 'utf8')).toContain(`Exec="/opt/Flex HRM/flex" ${HIDDEN_ARG}`);
    applyStartAtLogin(false, { app, platform: 'linux', execPath: '/x', configHome: dir });
    expect(existsSync(file)).toBe(false);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('a start at login shows no window', () => {
    expect(startedHidden(['/x', HIDDEN_ARG], fakeApp(), 'linux')).toBe(true);
    expect(startedHidden(['/x'], fakeApp(), 'linux')).toBe(false);
    expect(startedHidden(['/x'], fakeApp(true), 'darwin')).toBe(true);
    expect(startedHidden(['/x'], fakeApp(true), 'win32')).toBe(false);
  });
});
