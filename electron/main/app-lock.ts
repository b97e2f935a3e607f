import { powerMonitor, systemPreferences } from 'electron';
import type { AppCore } from '../core/app-core';
import type { UserVerification } from '../core/lock/lock-service';

/** macOS Touch ID through Electron (the app lock's adapter); null on other systems. */
export function touchIdVerification(): UserVerification | null {
  if (process.platform !== 'darwin') return null;
  return {
    canPrompt: () => systemPreferences.canPromptTouchID(),
    prompt: (reason) => systemPreferences.promptTouchID(reason),
  };
}

/** The system's lock screen and sleep lock the app (when its lock is on). */
export function setupAppLock(core: AppCore): void {
  for (const event of ['lock-screen', 'suspend'] as const) powerMonitor.on(event as 'lock-screen', () => core.lock.lockNow('system'));
}
