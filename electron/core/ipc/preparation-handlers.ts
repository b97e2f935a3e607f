import type { SessionServices } from '../session';
import type { Handlers } from './dispatcher';

type PrepChannel = Extract<keyof Handlers, `prep.${string}`>;

/** Account preparation (the Get Started with Visma Connect guide). Thin: the rules live on the server, the token in the service. */
export function createPreparationHandlers({ preparation }: SessionServices): Pick<Handlers, PrepChannel> {
  return {
    'prep.getState': () => preparation.state(),
    'prep.snoozeBanner': () => preparation.snooze(),
    'prep.sendCode': ({ email }) => preparation.sendCode(email),
    'prep.verifyCode': ({ code }) => preparation.verify(code),
  };
}
