import type { SessionServices } from '../session';
import type { Handlers } from './dispatcher';

/** The built-in demo server's outbox, shown in the app's mailbox. */
export function createMailboxHandlers({ mailbox }: SessionServices): Pick<Handlers, 'mailbox.listMessages'> {
  return {
    'mailbox.listMessages': ({ recipient }) => mailbox.list(recipient),
  };
}
