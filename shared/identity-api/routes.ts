import type { z } from 'zod';
import * as O from './outbox';
import { json, type RouteDef } from './route-def';
import { accountRoutes } from './routes-account';
import { connectMfaRoutes, connectRecoveryRoutes, connectSignInRoutes } from './routes-connect';
import { demoRoutes, testControlRoutes } from './routes-demo';
import { deviceRoutes } from './routes-devices';
import { hrmRoutes } from './routes-hrm';

export type { RouteAuth, RouteDef, RouteThrottle } from './route-def';

/**
 * The identity API route table: one entry per HTTP route, with zod schemas for the body, query
 * and path params it accepts and for the `value` of its `{ ok: true, value }` answer. The mock
 * registers its handlers from this table (so it cannot drift) and the app's client parses every
 * answer with the same schemas. Errors: `{ ok: false, error: { code, params? } }`, see errors.ts.
 *
 * Each area's routes stand in their own file (routes-*.ts); who may call them: route-def.ts.
 */
export const identityRoutes = {
  health: json({ method: 'GET', path: '/health', auth: 'none', response: O.HealthResponseSchema }),
  ...hrmRoutes,
  ...connectSignInRoutes,
  ...connectRecoveryRoutes,
  ...connectMfaRoutes,
  ...accountRoutes,
  ...deviceRoutes,
  ...demoRoutes,
  ...testControlRoutes,
} as const satisfies Record<string, RouteDef>;

export type IdentityRoutes = typeof identityRoutes;
export type IdentityRouteName = keyof IdentityRoutes;
/** The `value` type of a json route's success answer. */
export type RouteValue<N extends IdentityRouteName> = IdentityRoutes[N] extends { response: infer S extends z.ZodType }
  ? z.infer<S>
  : never;
/** The body a client sends to a route (input side of the schema, before transforms). */
export type RouteBody<N extends IdentityRouteName> = IdentityRoutes[N] extends { body: infer S extends z.ZodType } ? z.input<S> : never;

/** Builds a concrete path: `pathFor('/devices/:deviceId', { deviceId })`. */
export function pathFor(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`Missing path param ${k}`);
    return encodeURIComponent(v);
  });
}
