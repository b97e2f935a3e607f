import * as A from './account';
import * as D from './devices';
import { json, type RouteDef } from './route-def';

/** Push devices (this app's authenticator): registration, its event stream and push answers. */
export const deviceRoutes = {
  deviceRegister: json({
    method: 'POST',
    path: '/devices/register',
    auth: 'none',
    body: D.DeviceRegisterRequestSchema,
    response: D.DeviceRegisterResponseSchema,
  }),
  deviceStatus: json({
    method: 'GET',
    path: '/devices/:deviceId',
    auth: 'device',
    params: D.DeviceParamsSchema,
    response: D.DeviceStatusResponseSchema,
  }),
  deviceRemove: json({
    method: 'DELETE',
    path: '/devices/:deviceId',
    auth: 'device',
    params: D.DeviceParamsSchema,
    response: A.RemovedSchema,
  }),
  deviceEvents: { method: 'GET', path: '/devices/:deviceId/events', auth: 'device', kind: 'sse', params: D.DeviceParamsSchema },
  devicePushList: json({
    method: 'GET',
    path: '/devices/:deviceId/push-requests',
    auth: 'device',
    params: D.DeviceParamsSchema,
    response: D.PushListResponseSchema,
  }),
  devicePushAnswer: json({
    method: 'POST',
    path: '/devices/:deviceId/push-requests/:pushId',
    auth: 'device',
    params: D.DevicePushParamsSchema,
    body: D.PushAnswerRequestSchema,
    response: D.PushAnswerResponseSchema,
  }),
} as const satisfies Record<string, RouteDef>;
