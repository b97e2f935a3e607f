import { afterEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ power: new Map<string, () => void>(), canPrompt: true, prompts: [] as string[] }));
vi.mock('electron', () => ({
  powerMonitor: { on: (e: string, h: () => void) => state.power.set(e, h) },
  systemPreferences: {
    canPromptTouchID: () => state.canPrompt,
    promptTouchID: (reason: string) => {
      state.prompts.push(reason);
      return Promise.resolve();
    },
  },
}));

const { setupAppLock, touchIdVerification } = await import('../../electron/main/app-lock');

describe('app lock adapters', () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
  afterEach(() => Object.defineProperty(process, 'platform', platform));

  it('the system lock screen and sleep lock the app', () => {
    const lockNow = vi.fn();
    setupAppLock({ lock: { lockNow } } as never);
    state.power.get('lock-screen')!();
    state.power.get('suspend')!();
    expect(lockNow.mock.calls).toEqual([['system'], ['system']]);
  });

  it('Touch ID only on macOS, through systemPreferences', async () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    expect(touchIdVerification()).toBeNull();
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    const touch = touchIdVerification()!;
    expect(touch.canPrompt()).toBe(true);
    await touch.prompt('unlock Flex HRM');
    expect(state.prompts).toEqual(['unlock Flex HRM']);
  });
});
