import type { FastifyInstance, FastifyReply } from 'fastify';
import type { IdentityErrorCode, IdentityErrorData } from '@shared/identity-api';
import { isAppError } from '@shared/result';
import { installGuard, loopbackHosts, type GuardOptions, type TransportFailure, type TypedAnswer } from '../../loopback-http/guard';
import type { MockContext } from '../context';
import type { AddressInfo } from 'node:net';

/**
 * One error shape everywhere: `{ ok: false, error: { code, params? } }`. The status is a hint for
 * HTTP tooling; clients branch on `code`.
 */
const STATUS: Partial<Record<IdentityErrorCode, number>> = {
  'request.bad-host': 421,
  'request.malformed-json': 400,
  'request.too-large': 413,
  'request.unsupported-media-type': 415,
  'not-found': 404,
  'request.rate-limited': 429,
  'auth.required': 401,
  'auth.invalid-session': 401,
  'auth.forbidden': 403,
  'device.unauthorized': 401,
  'hrm.invalid-credentials': 401,
  'connect.invalid-credentials': 401,
  'hrm.locked': 423,
  'connect.locked': 423,
  'hrm.use-connect-sign-in': 409,
  'hrm.never-linked': 409,
  'hrm.not-linked': 403,
  'hrm.connect-login-not-enabled': 403,
  'hrm.user-not-found': 404,
  'hrm.admin-not-linked': 409,
  'preparation.already-linked': 409,
  'preparation.email-taken': 409,
  'preparation.rate-limited': 429,
  'preparation.too-many-attempts': 429,
  'preparation.code-expired': 410,
  'mfa.rate-limited': 429,
  'mfa.too-many-attempts': 429,
  'mfa.ticket-expired': 410,
  'mfa.code-expired': 410,
  'enrolment.rate-limited': 429,
  'enrolment.too-many-attempts': 429,
  'enrolment.expired': 410,
  'link.expired': 410,
  'link.used': 410,
  'push.expired': 410,
  'sso.expired': 410,
  'push.already-answered': 409,
  'push.not-found': 404,
  'factor.not-found': 404,
  'server.internal': 500,
};

export function statusFor(code: string): number {
  return STATUS[code as IdentityErrorCode] ?? 400;
}

export function sendError(reply: FastifyReply, error: IdentityErrorData): FastifyReply {
  return reply.code(statusFor(error.code)).type('application/json; charset=utf-8').send({ ok: false, error });
}

const ANSWERS: Record<TransportFailure, { status: number; error: IdentityErrorData }> = {
  'bad-host': { status: 421, error: { code: 'request.bad-host' } },
  'malformed-json': { status: 400, error: { code: 'request.malformed-json' } },
  'too-large': { status: 413, error: { code: 'request.too-large' } },
  'headers-too-large': { status: 431, error: { code: 'request.too-large' } },
  'unsupported-media-type': { status: 415, error: { code: 'request.unsupported-media-type' } },
  'not-found': { status: 404, error: { code: 'not-found' } },
  'bad-request': { status: 400, error: { code: 'request.invalid', params: { issue: 'bad-request' } } },
  'expectation-failed': { status: 417, error: { code: 'request.invalid', params: { issue: 'expectation-failed' } } },
  'method-not-allowed': { status: 405, error: { code: 'request.invalid', params: { issue: 'method-not-allowed' } } },
  timeout: { status: 408, error: { code: 'request.invalid', params: { issue: 'timeout' } } },
  internal: { status: 500, error: { code: 'server.internal' } },
};

/**
 * The mock's guard (loopback-http/guard.ts): Host allowlist first, then every failure in the
 * identity API's error shape. The allowed hosts are 127.0.0.1 and localhost on the port it listens
 * on (before it listens: its public URL's host).
 */
export function mockGuardOptions(ctx: MockContext, boundPort: () => number | undefined): GuardOptions {
  return {
    allowedHosts() {
      const port = boundPort();
      if (port !== undefined) return loopbackHosts(port);
      // Not listening (tests with app.inject): the public URL's host.
      const url = new URL(ctx.publicUrl);
      return url.port ? loopbackHosts(url.port) : [url.host];
    },
    answer: (failure) => {
      const { status, error } = ANSWERS[failure];
      return { status, body: { ok: false, error } as TypedAnswer['body'] };
    },
  };
}

export function installErrorHandling(app: FastifyInstance, options: GuardOptions): void {
  installGuard(app, {
    ...options,
    onError: (err, reply) => (isAppError(err) ? sendError(reply, err.toData() as IdentityErrorData) : undefined),
  });
}

/** The port a Fastify server listens on, once it does. */
export function listeningPort(app: FastifyInstance): number | undefined {
  const address = app.server.listening ? (app.server.address() as AddressInfo | null) : null;
  return address?.port;
}
