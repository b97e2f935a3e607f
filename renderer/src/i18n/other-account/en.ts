import type { OtherAccountMessages } from './sv';

/** A sign-in link, reset link or sign-in for another account while signed in (English). Same keys as sv.ts. */
export const otherAccountEn: OtherAccountMessages = {
  otherAccount: {
    title: 'You are already signed in',
    question: 'You are signed in as {current}. Sign out and continue as {next}?',
    continue: 'Sign out and continue as {next}',
    stay: 'Stay signed in as {current}',
  },
};
