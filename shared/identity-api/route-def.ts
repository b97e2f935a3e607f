import type { z } from 'zod';

/**
 * Who may call a route:
 * - `hrm` / `hrm-admin`: `Authorization: Bearer <HRM session token>` (admin: role admin)
 * - `connect`: `Authorization: Bearer <Connect session token>`
 * - `device`: `Authorization: Bearer <deviceCredential>` for the `:deviceId` in the path
 * - `mailbox`: `Authorization: Bearer <mailbox token>` the app started the embedded mock with; 404 without one
 * - `test-control`: header `x-test-control-token`; without a configured token these are 404
 */
export type RouteAuth = 'none' | 'hrm' | 'hrm-admin' | 'connect' | 'device' | 'mailbox' | 'test-control';
export type RouteKind = 'json' | 'html' | 'redirect' | 'sse';
/**
 * Routes the server throttles per client (a point per request, before the body is read; see
 * API.md for the numbers): keyed by the signed-in user on authenticated routes, by the client's
 * address otherwise. Over the limit: `request.rate-limited { retryAfterSeconds }`.
 */
export type RouteThrottle = 'sign-in' | 'human-check' | 'recovery' | 'address-check';

export interface RouteDef {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  auth: RouteAuth;
  kind: RouteKind;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  /** Schema of `value` for json routes. */
  response?: z.ZodType;
  throttle?: RouteThrottle;
}

/** A route answering `{ ok: true, value }` JSON, `value` checked against `response`. */
export const json = <const R extends Omit<RouteDef, 'kind'> & { response: z.ZodType }>(r: R) => ({ ...r, kind: 'json' as const });
