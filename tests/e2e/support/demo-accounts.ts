/** The embedded mock's demo data the login tests use (electron/mock/services/seed.ts, API.md). */
export const DEMO = {
  /** Nordbolaget (after cutover, password login): linked, never set a password (seed 000/001). */
  firstLogin: { email: 'olof.ek@nordbolaget.se', name: 'Olof Ek', company: 'Nordbolaget AB' },
  /** Nordbolaget users with a password and no 2FA yet, for the 2FA flows. */
  twoFactor: { email: 'karin.nordin@nordbolaget.se', name: 'Karin Nordin', company: 'Nordbolaget AB' },
  push: { email: 'lena.holm@nordbolaget.se', name: 'Lena Holm', company: 'Nordbolaget AB' },
  /** Molnet Konsult: SSO through "Entra ID". */
  sso: { email: 'sara.molin@molnet.se', name: 'Sara Molin', provider: 'Entra ID' },
  /** Företaget AB, before cutover: legacy user id + password. */
  legacy: { userId: 'anna', password: 'Demo1234!', name: 'Anna Svensson', company: 'Företaget AB' },
  /** A password the connect policy accepts (>= 8, digit, upper, lower, special). */
  newPassword: 'Sommar-2026!x',
};
