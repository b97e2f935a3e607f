import type { Migration } from '../../../core/db/migrations';
import { m001Hrm } from './001-hrm';
import { m002Connect } from './002-connect';
import { m003TokensOutboxAudit } from './003-tokens-outbox-audit';
import { m004OutboxSecrets } from './004-outbox-secrets';
import { m005PushDeniedReason } from './005-push-denied-reason';

/** mock.db migrations, in order. Append only; never edit a shipped one. */
export const mockMigrations: readonly Migration[] = [m001Hrm, m002Connect, m003TokensOutboxAudit, m004OutboxSecrets, m005PushDeniedReason];

/** Every table, children first, for the test-control reset. */
export const MOCK_TABLES = [
  'audit',
  'outbox',
  'sends',
  'lockouts',
  'sign_in_failures',
  'tokens',
  'recent_devices',
  'push_requests',
  'enrolments',
  'factors',
  'push_devices',
  'password_history',
  'verifications',
  'hrm_suggested_emails',
  'hrm_users',
  'connect_accounts',
  'company_domains',
  'companies',
] as const;
