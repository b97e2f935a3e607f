import type { Language } from '@shared/identity-api';
import type { MockContext } from '../context';
import { MOCK_TABLES } from '../db/migrations';
import { createAccount, storePassword } from './accounts';
import { insertCompany, type CompanyInput } from './companies';
import { normalizeCode, randomId, sha256 } from './crypto';
import { linkHrmUser } from './hrm-users';
import type { PasswordHasher } from '../../core/lock/password-hash';

/**
 * Demo data (documented in electron/mock/API.md). Every HRM user's legacy password is
 * DEMO_HRM_PASSWORD; every Connect account that has a password uses DEMO_CONNECT_PASSWORD.
 */
export const DEMO_HRM_PASSWORD = 'Demo1234!';
export const DEMO_CONNECT_PASSWORD = 'Connect-2025!';
/** Johan's TOTP secret (160 bits), so a tester can add it to any authenticator app. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const DEMO_EMERGENCY_CODE = 'DEMO-JOHA-NCOD-E234-5678';
export const DEMO_PHONE = '+46701234567';

interface SeedUser {
  userId: string;
  name: string;
  role: 'employee' | 'admin';
  language: Language;
  suggested: string[];
  connect?: { email: string; password: boolean; twoFactor?: boolean };
}

const COMPANIES: (CompanyInput & { users: SeedUser[] })[] = [
  {
    id: 'foretaget',
    name: 'Företaget AB',
    identityProvider: 'password',
    ssoProviderName: null,
    emailVerificationRequired: true,
    connectLoginEnabled: false,
    passwordPolicy: 'connect',
    emailDomains: ['foretaget.se'],
    users: [
      {
        userId: 'anna',
        name: 'Anna Svensson',
        role: 'employee',
        language: 'sv',
        suggested: ['anna.svensson@foretaget.se', 'anna.svensson@gmail.com'],
      },
      { userId: 'erik', name: 'Erik Johansson', role: 'employee', language: 'en', suggested: ['erik.johansson@foretaget.se'] },
      { userId: 'maria', name: 'Maria Lindqvist', role: 'admin', language: 'sv', suggested: ['maria.lindqvist@foretaget.se'] },
    ],
  },
  {
    id: 'lillabolaget',
    name: 'Lilla Bolaget AB',
    identityProvider: 'password',
    ssoProviderName: null,
    emailVerificationRequired: false,
    connectLoginEnabled: false,
    passwordPolicy: 'connect',
    emailDomains: ['lillabolaget.se'],
    users: [{ userId: 'per', name: 'Per Lind', role: 'admin', language: 'sv', suggested: ['per.lind@lillabolaget.se'] }],
  },
  {
    id: 'nordbolaget',
    name: 'Nordbolaget AB',
    identityProvider: 'password',
    ssoProviderName: null,
    emailVerificationRequired: true,
    connectLoginEnabled: true,
    passwordPolicy: 'connect',
    emailDomains: ['nordbolaget.se'],
    users: [
      {
        userId: 'karin',
        name: 'Karin Nordin',
        role: 'employee',
        language: 'sv',
        suggested: ['karin.nordin@nordbolaget.se'],
        connect: { email: 'karin.nordin@nordbolaget.se', password: true },
      },
      {
        userId: 'olof',
        name: 'Olof Ek',
        role: 'employee',
        language: 'en',
        suggested: ['olof.ek@nordbolaget.se'],
        connect: { email: 'olof.ek@nordbolaget.se', password: false },
      },
      {
        userId: 'johan',
        name: 'Johan Berg',
        role: 'employee',
        language: 'sv',
        suggested: ['johan.berg@nordbolaget.se'],
        connect: { email: 'johan.berg@nordbolaget.se', password: true, twoFactor: true },
      },
      {
        userId: 'lena',
        name: 'Lena Holm',
        role: 'admin',
        language: 'sv',
        suggested: ['lena.holm@nordbolaget.se'],
        connect: { email: 'lena.holm@nordbolaget.se', password: true },
      },
    ],
  },
  {
    id: 'molnet',
    name: 'Molnet Konsult AB',
    identityProvider: 'sso',
    ssoProviderName: 'Entra ID',
    emailVerificationRequired: false,
    connectLoginEnabled: true,
    passwordPolicy: 'nist',
    emailDomains: ['molnet.se'],
    users: [{ userId: 'sara', name: 'Sara Molin', role: 'employee', language: 'en', suggested: ['sara.molin@molnet.se'] }],
  },
];

/**
 * Hashing is the slow part of seeding; the two demo hashes are computed once per hasher and
 * reused by every reset (they are demo passwords, so sharing a salt across users is harmless).
 */
const hashCache = new WeakMap<PasswordHasher, Promise<{ hrm: string; connect: string }>>();
function demoHashes(hasher: PasswordHasher): Promise<{ hrm: string; connect: string }> {
  let p = hashCache.get(hasher);
  if (!p) {
    p = Promise.all([hasher.hash(DEMO_HRM_PASSWORD), hasher.hash(DEMO_CONNECT_PASSWORD)]).then(([hrm, connect]) => ({ hrm, connect }));
    hashCache.set(hasher, p);
  }
  return p;
}

export async function seedDemoData(ctx: MockContext): Promise<void> {
  const hashes = await demoHashes(ctx.hasher);
  ctx.db.transaction(() => {
    for (const { users, ...company } of COMPANIES) {
      insertCompany(ctx, company);
      for (const u of users) {
        const id = randomId();
        ctx.db
          .prepare(
            'INSERT INTO hrm_users (id, company_id, user_id, password_hash, name, role, language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(id, company.id, u.userId, hashes.hrm, u.name, u.role, u.language, ctx.clock.now());
        u.suggested.forEach((email, i) =>
          ctx.db.prepare('INSERT INTO hrm_suggested_emails (hrm_user_id, email, position) VALUES (?, ?, ?)').run(id, email, i),
        );
        if (!u.connect) continue;
        const account = createAccount(ctx, u.connect.email, u.name, u.language);
        if (u.connect.password) storePassword(ctx, account.id, hashes.connect, 5);
        linkHrmUser(ctx, id, account.id);
        if (u.connect.twoFactor) seedTwoFactor(ctx, account.id);
      }
    }
  })();
}

function seedTwoFactor(ctx: MockContext, accountId: string): void {
  const ins = ctx.db.prepare(
    'INSERT INTO factors (id, account_id, kind, label, totp_secret, phone, code_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const at = ctx.clock.now();
  ins.run(randomId(), accountId, 'totp', 'Authenticator app', DEMO_TOTP_SECRET, null, null, at);
  ins.run(randomId(), accountId, 'sms', '+46*******67', null, DEMO_PHONE, null, at);
  ins.run(randomId(), accountId, 'emergency', 'Emergency code', null, null, sha256(normalizeCode(DEMO_EMERGENCY_CODE)), at);
}

export function isEmpty(ctx: MockContext): boolean {
  return (ctx.db.prepare('SELECT COUNT(*) AS n FROM companies').get() as { n: number }).n === 0;
}

/** Test control: every row goes, then (by default) the demo data comes back. */
export async function resetData(ctx: MockContext, seed: boolean): Promise<void> {
  ctx.db.transaction(() => {
    for (const table of MOCK_TABLES) ctx.db.prepare(`DELETE FROM ${table}`).run();
  })();
  if (seed) await seedDemoData(ctx);
}
