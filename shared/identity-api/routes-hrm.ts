import * as H from './hrm';
import * as A from './account';
import { Empty } from './common';
import { json, type RouteDef } from './route-def';

/** The HRM back end: its own sign-in, the login-migration preparation and the company admin. */
export const hrmRoutes = {
  hrmSignIn: json({
    method: 'POST',
    path: '/hrm/sign-in',
    auth: 'none',
    throttle: 'sign-in',
    body: H.HrmSignInRequestSchema,
    response: H.HrmSessionSchema,
  }),
  hrmSignInConnect: json({
    method: 'POST',
    path: '/hrm/sign-in/connect',
    auth: 'none',
    body: H.HrmConnectSignInRequestSchema,
    response: H.HrmSessionSchema,
  }),
  hrmSignOut: json({ method: 'POST', path: '/hrm/sign-out', auth: 'hrm', body: Empty.optional(), response: A.SignedOutSchema }),
  hrmMe: json({ method: 'GET', path: '/hrm/me', auth: 'hrm', response: H.HrmMeSchema }),
  hrmSnooze: json({
    method: 'POST',
    path: '/hrm/preparation/snooze',
    auth: 'hrm',
    body: Empty.optional(),
    response: H.PreparationStateSchema,
  }),
  hrmSendCode: json({
    method: 'POST',
    path: '/hrm/preparation/send-code',
    auth: 'hrm',
    throttle: 'address-check',
    body: H.SendCodeRequestSchema,
    response: H.SendCodeResponseSchema,
  }),
  hrmVerifyCode: json({
    method: 'POST',
    path: '/hrm/preparation/verify',
    auth: 'hrm',
    body: H.VerifyCodeRequestSchema,
    response: H.LinkedSchema,
  }),
  adminCompany: json({ method: 'GET', path: '/hrm/admin/company', auth: 'hrm-admin', response: H.CompanySettingsSchema }),
  adminCompanyUpdate: json({
    method: 'PATCH',
    path: '/hrm/admin/company',
    auth: 'hrm-admin',
    body: H.CompanySettingsUpdateSchema,
    response: H.CompanySettingsSchema,
  }),
  adminUsers: json({ method: 'GET', path: '/hrm/admin/users', auth: 'hrm-admin', response: H.AdminUsersResponseSchema }),
  adminResend: json({
    method: 'POST',
    path: '/hrm/admin/users/:userId/resend-verification',
    auth: 'hrm-admin',
    params: H.AdminUserParamsSchema,
    body: H.AdminResendRequestSchema,
    response: H.SendCodeResponseSchema,
  }),
  adminRemoveConnection: json({
    method: 'DELETE',
    path: '/hrm/admin/users/:userId/connection',
    auth: 'hrm-admin',
    params: H.AdminUserParamsSchema,
    response: H.AdminRemoveConnectionResponseSchema,
  }),
} as const satisfies Record<string, RouteDef>;
