import type { SessionServices } from '../session';
import type { Handlers } from './dispatcher';

/** This computer as a Connect push device: the requests waiting here, and the answer to one. */
export function createPushHandlers({ push }: SessionServices): Pick<Handlers, 'push.listPending' | 'push.answerRequest'> {
  return {
    // With the event stream up the list is live; otherwise ask the server now.
    'push.listPending': async () => ({ requests: push.streaming ? push.list() : await push.refresh(), generatedAt: Date.now() }),
    'push.answerRequest': async ({ id, approve, number }) => {
      await push.respond(id, approve, number);
      return { done: true } as const;
    },
  };
}
