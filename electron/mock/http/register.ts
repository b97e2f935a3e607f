import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { identityRoutes, type IdentityRouteName, type IdentityRoutes, type RouteAuth } from '@shared/identity-api';
import { AppError } from '@shared/result';
import type { MockContext } from '../context';
import { connectAuth, deviceAuth, hrmAuth, mailboxAuth, type ConnectAuth, type DeviceRow, type HrmAuth } from './auth';
import { sendError } from './errors';
import { runInRequest } from './request-context';

/**
 * Registers handlers from the shared route table, so the server cannot drift from the contract:
 * params, auth, throttle, query and body are checked (in that order: nothing about the body is
 * said to a caller who may not call the route, or who is over its limit) and json answers are parsed with the route's response schema.
 */
type Route<N extends IdentityRouteName> = IdentityRoutes[N];
type Parsed<R, K extends string> = R extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;
type AuthFor<A extends RouteAuth> = A extends 'hrm' | 'hrm-admin'
  ? HrmAuth
  : A extends 'connect'
    ? ConnectAuth
    : A extends 'device'
      ? DeviceRow
      : undefined;

export interface HandlerInput<N extends IdentityRouteName> {
  body: Parsed<Route<N>, 'body'>;
  query: Parsed<Route<N>, 'query'>;
  params: Parsed<Route<N>, 'params'>;
  auth: AuthFor<Route<N>['auth']>;
  req: FastifyRequest;
  reply: FastifyReply;
}
type JsonValue<N extends IdentityRouteName> = Route<N> extends { response: infer S extends z.ZodType } ? z.input<S> : never;
type JsonRouteName = { [N in IdentityRouteName]: Route<N>['kind'] extends 'json' ? N : never }[IdentityRouteName];
type RawRouteName = Exclude<IdentityRouteName, JsonRouteName>;

function parse(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = [where, ...(issue?.path ?? []).map(String)].join('.');
  throw new AppError('request.invalid', {
    field,
    issue: issue?.message && issue.message.length <= 60 ? issue.message : (issue?.code ?? 'invalid'),
  });
}

function authenticate(ctx: MockContext, auth: RouteAuth, req: FastifyRequest, params: unknown): unknown {
  switch (auth) {
    case 'none':
    case 'test-control': // checked by the test-control plugin's hook
      return undefined;
    case 'hrm':
      return hrmAuth(ctx, req, false);
    case 'hrm-admin':
      return hrmAuth(ctx, req, true);
    case 'connect':
      return connectAuth(ctx, req);
    case 'device':
      return deviceAuth(ctx, req, (params as { deviceId: string }).deviceId);
    case 'mailbox':
      mailboxAuth(ctx, req);
      return undefined;
  }
}

/** Whose budget a throttled request spends: the signed-in user's, else the client address's. */
function throttleKey(auth: unknown, req: FastifyRequest): string {
  if (auth && typeof auth === 'object' && 'user' in auth) return `user:${(auth as HrmAuth).user.id}`;
  if (auth && typeof auth === 'object' && 'account' in auth) return `account:${(auth as ConnectAuth).account.id}`;
  return `ip:${req.ip}`;
}

async function prepare<N extends IdentityRouteName>(
  ctx: MockContext,
  name: N,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<HandlerInput<N>> {
  const route = identityRoutes[name];
  const params = parse('params' in route ? route.params : undefined, req.params, 'params');
  const auth = authenticate(ctx, route.auth, req, params);
  if ('throttle' in route) await ctx.throttle.consume(route.throttle, throttleKey(auth, req));
  const query = parse('query' in route ? route.query : undefined, req.query, 'query');
  const body = parse('body' in route ? route.body : undefined, req.body, 'body');
  return { params, auth, query, body, req, reply } as HandlerInput<N>;
}

export function registerJson<N extends JsonRouteName>(
  app: FastifyInstance,
  ctx: MockContext,
  name: N,
  handler: (input: HandlerInput<N>) => JsonValue<N> | Promise<JsonValue<N>>,
): void {
  const route = identityRoutes[name] as IdentityRoutes[IdentityRouteName] & { response: z.ZodType };
  app.route({
    method: route.method,
    url: route.path,
    handler: async (req, reply) => {
      const value: unknown = await runInRequest(req, async () => handler(await prepare(ctx, name, req, reply)));
      const checked = route.response.safeParse(value);
      if (!checked.success) {
        req.log.error({ route: name, issues: checked.error.issues }, 'response does not match the contract');
        return sendError(reply, { code: 'server.internal' });
      }
      return reply.header('cache-control', 'no-store').send({ ok: true, value: checked.data });
    },
  });
}

/** html / redirect / sse routes: the handler writes the reply itself. */
export function registerRaw<N extends RawRouteName>(
  app: FastifyInstance,
  ctx: MockContext,
  name: N,
  handler: (input: HandlerInput<N>) => unknown,
): void {
  const route = identityRoutes[name];
  app.route({
    method: route.method,
    url: route.path,
    handler: async (req, reply) => {
      await runInRequest(req, async () => handler(await prepare(ctx, name, req, reply)));
      return reply;
    },
  });
}
