import * as O from './outbox';
import { json, type RouteDef } from './route-def';

/** The embedded demo server's mailbox and link opener (a real server has no such route). */
export const demoRoutes = {
  mailbox: json({ method: 'GET', path: '/mailbox', auth: 'mailbox', query: O.OutboxQuerySchema, response: O.OutboxResponseSchema }),
  openLink: {
    method: 'GET',
    path: '/open/:action',
    auth: 'none',
    kind: 'redirect',
    params: O.OpenLinkParamsSchema,
    query: O.OpenLinkQuerySchema,
  },
} as const satisfies Record<string, RouteDef>;

/** Test control: reset, outbox, clock and audit, behind the test-control token. */
export const testControlRoutes = {
  testReset: json({
    method: 'POST',
    path: '/test/reset',
    auth: 'test-control',
    body: O.TestResetRequestSchema.optional(),
    response: O.TestResetResponseSchema,
  }),
  testOutbox: json({
    method: 'GET',
    path: '/test/outbox',
    auth: 'test-control',
    query: O.OutboxQuerySchema,
    response: O.OutboxResponseSchema,
  }),
  testClock: json({ method: 'GET', path: '/test/clock', auth: 'test-control', response: O.TestClockResponseSchema }),
  testClockAdvance: json({
    method: 'POST',
    path: '/test/clock/advance',
    auth: 'test-control',
    body: O.TestClockAdvanceRequestSchema,
    response: O.TestClockResponseSchema,
  }),
  testAudit: json({
    method: 'GET',
    path: '/test/audit',
    auth: 'test-control',
    query: O.TestAuditQuerySchema,
    response: O.TestAuditResponseSchema,
  }),
} as const satisfies Record<string, RouteDef>;
