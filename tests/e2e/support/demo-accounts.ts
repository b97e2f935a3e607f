/** The embedded mock's demo data the login tests use (see the README's demo data table). */
export const DEMO = {
  /** Company after cutover, password login; a linked user who has never set a password (seed 000/001). */
  firstLogin: { email: 'TODO', name: 'TODO' },
  /** Another user of that company for the 2FA flows. */
  twoFactor: { email: 'TODO', name: 'TODO' },
  push: { email: 'TODO', name: 'TODO' },
  /** Company with SSO ("Sign in with Entra ID"). */
  sso: { email: 'TODO', name: 'TODO', provider: 'Entra ID' },
  /** Company before cutover: legacy user id + password. */
  legacy: { userId: 'TODO', password: 'TODO', name: 'TODO' },
  /** A password the policy accepts (>= 8, digit, upper, lower, special). */
  newPassword: 'Sommar-2026!',
};
