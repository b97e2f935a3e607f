import type { SessionServices } from '../session';
import type { Handlers } from './dispatcher';

type SessionChannel = Extract<keyof Handlers, `session.${string}` | `recovery.${string}` | `setup.${string}`>;

/** The HRM / Connect sign-in channels (session.*), forgot password (recovery.*) and 2FA set-up (setup.*). Thin: rules live in the services. */
export function createSessionHandlers({ session, recovery, enrolment }: SessionServices): Pick<Handlers, SessionChannel> {
  const done = { done: true } as const;
  return {
    'session.getState': () => session.view(),
    'session.setServer': (choice) => session.setServer(choice),
    'session.signInLegacy': ({ userId, password, confirmReplace }) => session.legacySignIn(userId, password, confirmReplace),
    'session.discoverAccount': ({ email, saveEmail, confirmReplace }) => session.discover(email, saveEmail, confirmReplace),
    'session.restartSignIn': () => session.restart(),
    'session.submitPassword': ({ password }) => session.password(password),
    'session.startSso': () => session.ssoStart(),
    'session.completeSso': ({ approve }) => session.ssoComplete(approve),
    'recovery.checkHuman': async () => ({ checked: true as const, validForMs: await recovery.humanCheck() }),
    'recovery.sendLink': async ({ email, kind, language }) => {
      await recovery.forgotPassword(email, kind, language ?? 'sv');
      return done;
    },
    'recovery.getResetInfo': async ({ token, confirmReplace }) => {
      const { policy, email } = await recovery.resetInspect(token, confirmReplace);
      return { policy, email };
    },
    'recovery.completeReset': async ({ token, password }) => {
      await recovery.resetPassword(token, password);
      return done;
    },
    'session.completeMagicLink': async ({ token, confirmReplace }) => (await session.magicLink(token, confirmReplace)).view,
    'session.chooseMfa': ({ method }) => session.mfaChoose(method),
    'session.verifyMfa': ({ code, rememberDevice }) => session.mfaVerify(code, rememberDevice),
    'setup.postponeSetup': () => session.remindLater(),
    'setup.beginSetup': ({ origin }) => enrolment.begin(origin),
    'setup.goToStep': ({ step }) => enrolment.go(step),
    'setup.cancelSetup': () => enrolment.cancel(),
    'setup.confirmTotp': ({ code }) => enrolment.totpConfirm(code),
    'setup.registerPushDevice': () => enrolment.pushLocal(),
    'setup.answerPushConsent': ({ approve }) => enrolment.pushConsent(approve),
    'setup.sendSms': ({ phone }) => enrolment.smsSend(phone),
    'setup.confirmSms': ({ code }) => enrolment.smsConfirm(code),
    'setup.finishSetup': () => enrolment.finish(),
    'session.acknowledgeEmergencyCode': () => session.emergencyCodeStored(),
    'session.signOut': () => session.signOut(),
  };
}
