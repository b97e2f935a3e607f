import type { FastifyRequest } from 'fastify';
import type { DeviceInfo } from '@shared/identity-api';
import type { RequestOrigin } from '../emails/format';
import type { MockContext } from '../context';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Device, browser and country come from the client's own description (the client knows what it
 * is); the IP address comes from the connection, never from the body. The mock listens on
 * loopback only, so proxies are not trusted and X-Forwarded-For is ignored.
 */
export function requestOrigin(ctx: MockContext, req: FastifyRequest, device?: DeviceInfo): RequestOrigin {
  const ip = req.ip || 'unknown';
  return {
    device: device?.name ?? 'Unknown device',
    browser: device?.browser ?? (req.headers['user-agent']?.slice(0, 100) || 'Unknown'),
    country: device?.country ?? (LOOPBACK.test(ip) ? 'Local network' : 'Unknown'),
    ip,
    at: ctx.clock.now(),
  };
}
