import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { DeviceEventName } from '@shared/identity-api';
import type { MockContext } from '../context';
import { registerJson, registerRaw } from '../http/register';
import { registerDevice, removeDevice } from '../services/enrolment';
import { answerPush, pendingForDevice } from '../services/push';
import { requireAccount } from '../services/accounts';

/** A comment line now and then keeps proxies and idle timers from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/** The authenticator device's side of push: registration, the event stream, answers. */
export function deviceRoutes(app: FastifyInstance, ctx: MockContext): void {
  const streams = new Set<ServerResponse>();
  // Open event streams would keep close() waiting forever; end them first.
  app.addHook('preClose', (done) => {
    for (const s of streams) s.end();
    streams.clear();
    done();
  });

  registerJson(app, ctx, 'deviceRegister', ({ body }) => registerDevice(ctx, body));
  registerJson(app, ctx, 'deviceStatus', ({ auth }) => ({
    deviceId: auth.id,
    name: auth.name,
    state: auth.state,
    accountEmail: requireAccount(ctx, auth.account_id).email,
  }));
  registerJson(app, ctx, 'deviceRemove', ({ auth }) => {
    removeDevice(ctx, auth);
    return { removed: true as const };
  });
  registerJson(app, ctx, 'devicePushList', ({ auth }) => ({ requests: pendingForDevice(ctx, auth) }));
  registerJson(app, ctx, 'devicePushAnswer', ({ auth, params, body }) => answerPush(ctx, auth, params.pushId, body.decision, body.number));

  registerRaw(app, ctx, 'deviceEvents', ({ auth, reply, req }) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (event: DeviceEventName, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    streams.add(res);
    send('ready', { deviceId: auth.id });
    // Requests that arrived while the device was away.
    for (const r of pendingForDevice(ctx, auth)) send('push-request', r);
    const unsubscribe = ctx.events.subscribe(auth.id, send);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  });
}
