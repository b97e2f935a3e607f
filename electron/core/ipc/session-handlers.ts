import type { SessionServices } from '../session';
import type { Handlers } from './dispatcher';

type SessionChannel = Extract<keyof Handlers, `session.${string}`>;

/** The HRM / Connect sign-in channels. Thin: rules live in the services. */
export function createSessionHandlers({ session, recovery, enrolment }: SessionServices): Pick<Handlers, SessionChannel> {
  const done = { done: true } as const;
  return {
    'session.get': () => session.view(),
    'session.server.set': (choice) => session.setServer(choice),
    'session.legacy.signIn': ({ userId, password, confirmReplace }) => session.legacySignIn(userId, password, confirmReplace),
    'session.discover': ({ email, saveEmail, confirmReplace }) => session.discover(email, saveEmail, confirmReplace),
    'session.restart': () => session.restart(),
    'session.password': ({ password }) => session.password(password),
    'session.sso.start': () => session.ssoStart(),
    'session.sso.complete': ({ approve }) => session.ssoComplete(approve),
    'session.forgot.humanCheck': async () => ({ checked: true as const, validForMs: await recovery.humanCheck() }),
    'session.forgot.send': async ({ email, kind, language }) => {
      await recovery.forgotPassword(email, kind, language ?? 'sv');
      return done;
    },
    'session.reset.info': async ({ token, confirmReplace }) => {
      const { policy, email } = await recovery.resetInspect(token, confirmReplace);
      return { policy, email };
    },
    'session.reset.complete': async ({ token, password }) => {
      await recovery.resetPassword(token, password);
      return done;
    },
    'session.magic.complete': async ({ token, confirmReplace }) => (await session.magicLink(token, confirmReplace)).view,
    'session.mfa.choose': ({ method }) => session.mfaChoose(method),
    'session.mfa.verify': ({ code, rememberDevice }) => session.mfaVerify(code, rememberDevice),
    'session.setup.later': () => session.remindLater(),
    'session.setup.begin': ({ origin }) => enrolment.begin(origin),
    'session.setup.go': ({ step }) => enrolment.go(step),
    'session.setup.cancel': () => enrolment.cancel(),
    'session.setup.totpConfirm': ({ code }) => enrolment.totpConfirm(code),
    'session.setup.pushLocal': () => enrolment.pushLocal(),
    'session.setup.pushConsent': ({ approve }) => enrolment.pushConsent(approve),
    'session.setup.smsSend': ({ phone }) => enrolment.smsSend(phone),
    'session.setup.smsConfirm': ({ code }) => enrolment.smsConfirm(code),
    'session.setup.finish': () => enrolment.finish(),
    'session.emergency.stored': () => session.emergencyCodeStored(),
    'session.signOut': () => session.signOut(),
  };
}
