import type { SessionServices } from '../session';
import type { Handlers } from './dispatcher';

type PrepChannel = Extract<keyof Handlers, `prep.${string}`>;

/** Account preparation (the Get Started with Visma Connect guide). Thin: the rules live on the server, the token in the service. */
export function createPreparationHandlers({ preparation }: SessionServices): Pick<Handlers, PrepChannel> {
  return {
    'prep.state': () => preparation.state(),
    'prep.snooze': () => preparation.snooze(),
    'prep.sendCode': ({ email }) => preparation.sendCode(email),
    'prep.verify': ({ code }) => preparation.verify(code),
  };
}
