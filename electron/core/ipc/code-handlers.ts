import type { Settings } from '@shared/contract';
import { AppError } from '@shared/result';
import { CLIPBOARD_CLEAR_MS, type CodeClipboard } from '../clipboard/code-clipboard';
import type { VaultService } from '../vault/vault-service';
import type { EventHub } from './event-hub';
import type { Handlers } from './dispatcher';

export interface CodeHandlerDeps {
  vault: VaultService;
  events: EventHub;
  readSettings: () => Settings;
  /** The OS clipboard in main (Electron); null where main has none (the browser host). */
  clipboard: CodeClipboard | null;
}

/** Copying an account's code and the HOTP "next code". */
export function createCodeHandlers({
  vault,
  events,
  readSettings,
  clipboard,
}: CodeHandlerDeps): Pick<Handlers, 'vault.copyCode' | 'vault.advanceHotpCounter'> {
  return {
    'vault.copyCode': async ({ id }) => {
      const code = vault.currentCode(id);
      vault.markUsed(id);
      const clear = readSettings().clearClipboard;
      if (!clipboard) return { by: 'renderer', code, clearAfterMs: clear ? CLIPBOARD_CLEAR_MS : null };
      try {
        const { clearsAt } = await clipboard.copy(code, clear);
        return { by: 'main', code, clearsAt };
      } catch (e) {
        throw new AppError('clipboard.write-failed', undefined, { cause: e });
      }
    },
    'vault.advanceHotpCounter': ({ id }) => {
      const account = vault.nextHotp(id);
      vault.markUsed(id);
      events.emit('vault.changed', {});
      return { account };
    },
  };
}
