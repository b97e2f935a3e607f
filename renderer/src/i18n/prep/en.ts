/**
 * Account preparation for Visma Connect (English): the banner, My Profile > Account settings,
 * Settings > Visma Connect. Wording follows the Get Started with Visma Connect guide ("Get Started with Visma Connect").
 * sv.ts must have exactly the same keys: it is typed with `PrepMessages`.
 * vue-i18n syntax: `{name}` interpolates; never write a literal at-sign or pipe here.
 */
export const prepEn = {
  prep: {
    banner: {
      title: 'We are upgrading our login solution!',
      text: 'Soon you will have a simpler and even more secure login in HRM with Visma Connect. To prepare your account, enter and verify your email address under Account settings in My Profile.',
      textAfterCutover:
        'Flex HRM now uses Visma Connect for login. Link your account now: enter and verify your email address under Account settings in My Profile. After you sign out, you sign in with your email address.',
      goToSettings: 'Go to Account settings',
      notNow: 'Not right now',
    },
    profile: {
      myProfile: 'My Profile',
      accountSettings: 'Account settings',
      breadcrumb: 'Where you are',
      backHome: 'Back to Flex HRM',
    },
    verify: {
      title: 'Enter your email address to get started.',
      intro:
        'Before switching to our new login solution, you need a Visma Connect account. Enter and verify your email and we will create an account for you. If you already have a Visma Connect account, you can use the same email address.',
      email: 'Email',
      verifyAccount: 'Verify account',
      proposal: 'Proposal:',
      checkInbox: 'Check your inbox',
      sentTo: 'An email has been sent to {email} to verify your email address',
      validFor: 'The code is valid for {minutes} minutes.',
      code: 'Code',
      codeHint: 'The 6-digit code from the email',
      verifyCode: 'Verify code',
      resend: 'Send a new code',
      resendIn: 'Next code in {seconds} s',
      resent: 'A new code has been sent to {email}. Use the newest code.',
      working: 'Please wait…',
    },
    done: {
      title: "You're all set!",
      text: "Your user is now linked to a Visma Connect account. You won't be able to use it to log in to Flex HRM just yet, but your administrator will let you know when it's time!",
      textAfterCutover:
        'Your user is now linked to a Visma Connect account. Flex HRM already uses Visma Connect: from your next sign-in, use your email address and your Visma Connect password.',
      password:
        'If you haven\'t used Visma Connect before and want to be fully prepared for the transition, you can go ahead and set your password now via Visma Connect Account Settings. Just click the button below, enter your email address, and select "Forgot your password?".',
      email: 'Email',
      manage: 'Manage your account',
      linkedTitle: 'Your user is linked to Visma Connect',
      linkedText:
        'Your Flex HRM user is linked to the Visma Connect account below. Your administrator will let you know when it is time to log in with it.',
      connectActive: 'Your company logs in with Visma Connect now. Use this email address when you log in.',
    },
    signInFirst: {
      title: 'Sign in to Flex HRM first',
      text: 'Sign in with your Flex HRM user ID to prepare your account for Visma Connect.',
      link: 'Go to sign-in',
    },
    settings: {
      title: 'Visma Connect',
      text: 'Prepare your account for the new login: verify your email address and link your user to Visma Connect.',
      link: 'Visma Connect',
    },
  },
};

export type PrepMessages = typeof prepEn;
