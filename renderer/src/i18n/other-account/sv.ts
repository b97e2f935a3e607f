/** A sign-in link, reset link or sign-in for another account while signed in (Swedish). */
export const otherAccountSv = {
  otherAccount: {
    title: 'Du är redan inloggad',
    question: 'Du är inloggad som {current}. Vill du logga ut och fortsätta som {next}?',
    continue: 'Logga ut och fortsätt som {next}',
    stay: 'Fortsätt som {current}',
  },
};
export type OtherAccountMessages = typeof otherAccountSv;
