import type { ClockCheckService } from '../clock/clock-check';
import type { LockService } from '../lock/lock-service';
import type { Handlers } from './dispatcher';

type LockChannels =
  | 'lock.getState'
  | 'lock.unlockWithPassword'
  | 'lock.unlockWithTouchId'
  | 'lock.lockApp'
  | 'lock.setPassword'
  | 'lock.disableLock'
  | 'lock.setOptions'
  | 'lock.reportActivity'
  | 'clock.checkSkew';

/** The app lock and the clock check. `language` words the Touch ID prompt ("... is trying to <reason>"). */
export function createLockHandlers(
  lock: LockService,
  clockCheck: ClockCheckService,
  language: () => 'sv' | 'en',
): Pick<Handlers, LockChannels> {
  return {
    'lock.getState': () => lock.view(),
    'lock.unlockWithPassword': ({ password }) => lock.unlock(password),
    'lock.unlockWithTouchId': () => lock.unlockWithTouchId(language() === 'sv' ? 'låsa upp Flex HRM Connect' : 'unlock Flex HRM Connect'),
    'lock.lockApp': () => lock.lockNow('manual'),
    'lock.setPassword': ({ password, current }) => lock.setPassword(password, current),
    'lock.disableLock': ({ password }) => lock.disable(password),
    'lock.setOptions': (patch) => lock.options(patch),
    'lock.reportActivity': () => {
      lock.noteActivity();
      return { done: true } as const;
    },
    'clock.checkSkew': () => clockCheck.check(),
  };
}
