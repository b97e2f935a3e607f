import type { SessionServices } from '../session';
import type { Handlers } from './dispatcher';

type AdminChannel = Extract<keyof Handlers, `admin.${string}` | `account.${string}`>;

/** HRM administration and the Connect account page. Thin: rules live in the services. */
export function createAdminHandlers({ admin, account }: SessionServices): Pick<Handlers, AdminChannel> {
  return {
    'admin.getCompany': () => admin.company(),
    'admin.updateCompany': (patch) => admin.updateCompany(patch),
    'admin.listUsers': () => admin.users(),
    'admin.resendVerification': ({ userId }) => admin.resend(userId),
    'admin.removeConnection': ({ userId }) => admin.removeConnection(userId),
    'account.getOverview': () => account.overview(),
    'account.removeFactor': ({ factorId }) => account.removeFactor(factorId),
  };
}
