// Electron composition root: a readable list of setupX() calls (Electron Fiddle's shape). The
// start in phases and its failure path live in ./shell.ts and ./lifecycle.ts; everything with logic
// lives in electron/core and electron/mock, which never import electron.
import { app } from 'electron';
import { registerAppScheme } from './app-protocol';
import { setupLogging } from './logging';
import { setupSecurity, setupSingleInstance } from './security';
import { createShell, setupCrashHandling, setupDeepLinks, setupQuit, startUp } from './shell';

const shell = createShell(setupLogging());
setupSecurity();
if (!setupSingleInstance()) {
  app.quit();
} else {
  registerAppScheme();
  app.setAppUserModelId('com.flexhrm.connect');
  setupDeepLinks(shell);
  setupCrashHandling(shell);
  setupQuit(shell);
  void app.whenReady().then(() => startUp(shell));
}
