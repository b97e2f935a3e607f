import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { IdentityErrorCode, IdentityErrorData } from '@shared/identity-api';
import { isAppError } from '@shared/result';

/**
 * One error shape everywhere: `{ ok: false, error: { code, params? } }`. The status is a hint for
 * HTTP tooling; clients branch on `code`.
 */
const STATUS: Partial<Record<IdentityErrorCode, number>> = {
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
  'hrm.not-linked': 403,
  'hrm.connect-login-not-enabled': 403,
  'hrm.user-not-found': 404,
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

/** Fastify's own parser errors (bad JSON, too large, wrong media type) map to stable codes. */
function fromFastifyError(err: FastifyError): IdentityErrorData | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'request.too-large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'request.unsupported-media-type' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'request.malformed-json' };
    default:
      break;
  }
  if (err instanceof SyntaxError) return { code: 'request.malformed-json' };
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) return { code: 'request.invalid', params: { issue: err.code ?? 'bad-request' } };
  return undefined;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (isAppError(err)) return sendError(reply, err.toData() as IdentityErrorData);
    const mapped = fromFastifyError(err);
    if (mapped) return sendError(reply, mapped);
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, { code: 'server.internal' });
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, { code: 'not-found' }));
}
