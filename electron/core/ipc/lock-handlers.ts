import type { ClockCheckService } from '../clock/clock-check';
import type { LockService } from '../lock/lock-service';
import type { Handlers } from './dispatcher';

type LockChannels =
  | 'lock.state'
  | 'lock.unlock'
  | 'lock.unlockTouchId'
  | 'lock.lockNow'
  | 'lock.setPassword'
  | 'lock.disable'
  | 'lock.options'
  | 'lock.activity'
  | 'clock.check';

/** The app lock and the clock check. `language` words the Touch ID prompt ("... is trying to <reason>"). */
export function createLockHandlers(
  lock: LockService,
  clockCheck: ClockCheckService,
  language: () => 'sv' | 'en',
): Pick<Handlers, LockChannels> {
  return {
    'lock.state': () => lock.view(),
    'lock.unlock': ({ password }) => lock.unlock(password),
    'lock.unlockTouchId': () => lock.unlockWithTouchId(language() === 'sv' ? 'låsa upp Flex HRM Connect' : 'unlock Flex HRM Connect'),
    'lock.lockNow': () => lock.lockNow('manual'),
    'lock.setPassword': ({ password, current }) => lock.setPassword(password, current),
    'lock.disable': ({ password }) => lock.disable(password),
    'lock.options': (patch) => lock.options(patch),
    'lock.activity': () => {
      lock.noteActivity();
      return { done: true } as const;
    },
    'clock.check': () => clockCheck.check(),
  };
}
