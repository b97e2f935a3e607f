import { z } from 'zod';
import {
  AppInfoSchema,
  DeepLinkSchema,
  DiagnosticsSchema,
  NavigateSchema,
  PendingDeepLinksSchema,
  SettingsSchema,
  SettingsUpdateSchema,
  UpdateStateSchema,
} from './app';
import {
  AccountIdSchema,
  AccountViewSchema,
  AddAccountRequestSchema,
  CopyCodeResponseSchema,
  EditAccountRequestSchema,
  SetGroupsRequestSchema,
  TransferQrRequestSchema,
  TransferQrSchema,
  VaultListResponseSchema,
  ImportPreviewRequestSchema,
  ImportPreviewSchema,
  PreviewIdRequestSchema,
  ImportOutcomeSchema,
  BackupExportRequestSchema,
  BackupExportSchema,
  PlainExportRequestSchema,
  PlainExportSchema,
  AutoBackupStatusSchema,
  AutoBackupSetRequestSchema,
} from './vault';

import {
  PushPendingSchema,
  PushResolvedSchema,
  PushRespondSchema,
  SessionViewSchema,
  sessionRequests as SReq,
  sessionResponses as SRes,
} from './session';
import { MailboxListRequestSchema, MailboxListResponseSchema } from './mailbox';
import { PrepLinkedSchema, PrepSendResultSchema, PrepViewSchema, prepRequests } from './preparation';
import * as Admin from './admin';
import { ScanResultSchema, ScreenCaptureSchema, scanRequests } from './scan';
import { ClockCheckSchema, LockViewSchema, lockRequests } from './lock';
import type { ChannelName as ChannelNameList, EventName as EventNameList } from './names';
import type { Result } from '../result';

export * from './app';
export * from './vault';
export * from './session';
export * from './mailbox';
export * from './preparation';
export * from './admin';
export * from './scan';
export * from './lock';
export * from './errors';
export { CHANNEL_NAMES, isChannelName, IPC_PREFIX, EVENT_IPC_CHANNEL } from './names';

/**
 * The one IPC contract (Mullvad's ipc-schema idea plus run-time validation): every channel the
 * renderer may call, with a zod schema for the request and for the response. Main validates
 * every request before a handler runs and parses every response on the way out. The preload,
 * the browser-host transport and the renderer client are all derived from this object; its keys
 * are the zod-free name list in ./names.ts (the `satisfies` below keeps the two equal).
 */
const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });
const Empty = z.object({}).strict();
const Done = z.object({ done: z.literal(true) });

/**
 * What the first view waits on, in one answer (issue 16): the renderer's entry asks for it before
 * the app's code has loaded, and hands each part to the first `session.get`, `app.info` and
 * `settings.get` call (renderer/src/main.ts), so the start costs one round trip, not three.
 */
export const StartStateSchema = z.object({ session: SessionViewSchema, info: AppInfoSchema, settings: SettingsSchema });
export type StartState = z.infer<typeof StartStateSchema>;

export const channels = {
  'app.getStartState': channel(Empty, StartStateSchema),
  'app.info': channel(Empty, AppInfoSchema),
  'settings.get': channel(Empty, SettingsSchema),
  'settings.update': channel(SettingsUpdateSchema, SettingsSchema),
  // The desktop shell (electron/main): Settings > About, updates, deep links that came before the page.
  'app.diagnostics': channel(Empty, DiagnosticsSchema),
  'app.update.state': channel(Empty, UpdateStateSchema),
  /** Quits and installs a downloaded update; refused (update.busy) while a push approval or a scan is open. */
  'app.update.restart': channel(Empty, Done),
  /** The deep links main received before the page subscribed (cold start), handed over once. */
  'app.deepLinks.take': channel(Empty, PendingDeepLinksSchema),

  'vault.list': channel(Empty, VaultListResponseSchema),
  'vault.add': channel(AddAccountRequestSchema, z.object({ account: AccountViewSchema })),
  'vault.rename': channel(z.object({ id: AccountIdSchema, issuer: z.string().max(200), label: z.string().max(200) }).strict(), Done),
  'vault.pin': channel(z.object({ id: AccountIdSchema, pinned: z.boolean() }).strict(), Done),
  'vault.reorder': channel(z.object({ ids: z.array(AccountIdSchema).max(100_000) }).strict(), Done),
  'vault.delete': channel(z.object({ id: AccountIdSchema }).strict(), Done),

  // The app lock (shared/contract/lock.ts): while locked, main produces no code.
  'lock.state': channel(Empty, LockViewSchema),
  'lock.unlock': channel(lockRequests.unlock, LockViewSchema),
  'lock.unlockTouchId': channel(Empty, LockViewSchema),
  'lock.lockNow': channel(Empty, LockViewSchema),
  'lock.setPassword': channel(lockRequests.setPassword, LockViewSchema),
  'lock.disable': channel(lockRequests.disable, LockViewSchema),
  'lock.options': channel(lockRequests.options, LockViewSchema),
  /** The user did something in the window (sent at most every few seconds): idle time restarts. */
  'lock.activity': channel(Empty, Done),
  /** The identity server's clock against this computer's. */
  'clock.check': channel(Empty, ClockCheckSchema),
  /** Copies the account's current code (see CopyCodeResponseSchema for who writes the clipboard). */
  'vault.copy': channel(z.object({ id: AccountIdSchema }).strict(), CopyCodeResponseSchema),
  /** HOTP: moves the counter on (saved in app.db) and answers with the account's new code. */
  'vault.hotpNext': channel(z.object({ id: AccountIdSchema }).strict(), z.object({ account: AccountViewSchema })),
  // Import (another app's export) and restore (this app's encrypted backup): a preview first, then apply.
  'vault.import.preview': channel(ImportPreviewRequestSchema, ImportPreviewSchema),
  'vault.import.apply': channel(PreviewIdRequestSchema, ImportOutcomeSchema),
  'vault.import.discard': channel(PreviewIdRequestSchema, Done),
  // Encrypted backup, the plain otpauth:// list (written by main), automatic backups to a folder.
  'backup.export': channel(BackupExportRequestSchema, BackupExportSchema),
  'backup.exportPlain': channel(PlainExportRequestSchema, PlainExportSchema),
  'backup.auto.get': channel(Empty, AutoBackupStatusSchema),
  'backup.auto.set': channel(AutoBackupSetRequestSchema, AutoBackupStatusSchema),
  'backup.auto.off': channel(Empty, AutoBackupStatusSchema),
  /** Edits an account (issue 12): names, and after a confirmation its secret and code settings. */
  'vault.edit': channel(EditAccountRequestSchema, z.object({ account: AccountViewSchema })),
  /** Files an account under groups (replaces its list). */
  'vault.groups': channel(SetGroupsRequestSchema, Done),
  /** "Transfer out": accounts as QR pictures for a phone, after the user confirmed (see TransferQrRequestSchema). */
  'vault.transferQr': channel(TransferQrRequestSchema, TransferQrSchema),

  // HRM / Connect sign-in (shared/contract/session.ts). Tokens never cross: view models only.
  'session.get': channel(Empty, SessionViewSchema),
  'session.server.set': channel(SReq.serverSet, SessionViewSchema),
  'session.legacy.signIn': channel(SReq.legacySignIn, SessionViewSchema),
  'session.discover': channel(SReq.discover, SessionViewSchema),
  'session.restart': channel(Empty, SessionViewSchema),
  'session.password': channel(SReq.password, SessionViewSchema),
  'session.sso.start': channel(Empty, SessionViewSchema),
  'session.sso.complete': channel(SReq.ssoComplete, SessionViewSchema),
  'session.forgot.humanCheck': channel(Empty, SRes.humanCheck),
  'session.forgot.send': channel(SReq.forgotSend, Done),
  'session.reset.info': channel(SReq.linkToken, SRes.resetInfo),
  'session.reset.complete': channel(SReq.resetComplete, Done),
  'session.magic.complete': channel(SReq.linkToken, SessionViewSchema),
  'session.mfa.choose': channel(SReq.mfaChoose, SessionViewSchema),
  'session.mfa.verify': channel(SReq.mfaVerify, SRes.mfaVerified),
  'session.setup.later': channel(Empty, SessionViewSchema),
  // The 2FA set-up flow (SetupFlowViewSchema): every call answers with the view that carries it.
  'session.setup.begin': channel(SReq.setupBegin, SessionViewSchema),
  'session.setup.go': channel(SReq.setupGo, SessionViewSchema),
  'session.setup.cancel': channel(Empty, SessionViewSchema),
  'session.setup.totpConfirm': channel(SReq.code, SessionViewSchema),
  'session.setup.pushLocal': channel(Empty, SessionViewSchema),
  'session.setup.pushConsent': channel(SReq.consent, SessionViewSchema),
  'session.setup.smsSend': channel(SReq.phone, SessionViewSchema),
  'session.setup.smsConfirm': channel(SReq.code, SessionViewSchema),
  'session.setup.finish': channel(SReq.finish, SessionViewSchema),
  /** The sign-in's replacement emergency code is stored: main forgets it. */
  'session.emergency.stored': channel(Empty, SessionViewSchema),
  'session.signOut': channel(Empty, SessionViewSchema),

  // This app's authenticator as a Connect push device.
  'push.pending': channel(Empty, PushPendingSchema),
  'push.respond': channel(PushRespondSchema, Done),

  // Account preparation for Visma Connect (the Get Started with Visma Connect guide; shared/contract/preparation.ts): the banner,
  // email verification with a code, the link. Needs an HRM session; its token stays in main.
  'prep.state': channel(Empty, PrepViewSchema),
  'prep.snooze': channel(Empty, PrepViewSchema),
  'prep.sendCode': channel(prepRequests.sendCode, PrepSendResultSchema),
  'prep.verify': channel(prepRequests.verify, PrepLinkedSchema),

  // The embedded identity mock's outbox (shared/contract/mailbox.ts).
  'mailbox.list': channel(MailboxListRequestSchema, MailboxListResponseSchema),

  // HRM administration (HRM admin session) and the Connect account page (Connect session), see
  // shared/contract/admin.ts. Main holds both tokens; the renderer gets view models.
  'admin.company': channel(Empty, Admin.AdminCompanySchema),
  'admin.companyUpdate': channel(Admin.AdminCompanyUpdateSchema, Admin.AdminCompanySchema),
  'admin.users': channel(Empty, Admin.AdminUsersSchema),
  'admin.resend': channel(Admin.AdminUserRequestSchema, Admin.AdminResendResultSchema),
  'admin.removeConnection': channel(Admin.AdminUserRequestSchema, Admin.AdminUsersSchema),
  'account.overview': channel(Empty, Admin.AccountOverviewViewSchema),
  'account.removeFactor': channel(Admin.AccountFactorRequestSchema, Admin.AccountOverviewViewSchema),
  // QR codes into the authenticator (shared/contract/scan.ts): outcomes per account, never a secret.
  'scan.screens': channel(Empty, ScanResultSchema),
  'scan.image': channel(scanRequests.image, ScanResultSchema),
  'scan.capture': channel(Empty, ScreenCaptureSchema),
  'scan.region': channel(scanRequests.region, ScanResultSchema),
  'scan.discard': channel(scanRequests.discard, Done),
} as const satisfies Record<ChannelNameList, { request: z.ZodType; response: z.ZodType }>;

/** Events main pushes to the renderer. */
export const events = {
  'vault.changed': z.object({}),
  /** A deep link (flexconnect://...) the OS handed to the app, already checked against the allowlist. */
  'deep-link': DeepLinkSchema,
  /** Main sends the page to one of its views (a notification or the tray menu was clicked). */
  'app.navigate': NavigateSchema,
  /** The desktop updater's state changed (e.g. an update is ready to install). */
  'app.update': UpdateStateSchema,
  /** The sign-in state changed in main (push approved/denied, session ended). */
  'session.changed': SessionViewSchema,
  /** A push sign-in request arrived for this app's authenticator. */
  'push.request': z.object({ id: z.string() }),
  /** A push request left the list without an answer from this window: it expired, or was answered elsewhere. */
  'push.resolved': PushResolvedSchema,
  /** The outbox of the built-in server has new messages. */
  'mailbox.changed': z.object({}),
  /** The app lock locked or unlocked, or its settings changed. */
  'lock.changed': LockViewSchema,
} as const satisfies Record<EventNameList, z.ZodType>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Request<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequest<C extends ChannelName> = z.output<Channels[C]['request']>;
export type Response<C extends ChannelName> = z.output<Channels[C]['response']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/**
 * One message of the browser host's ordered stream (GET /api/events): the stream's id first, then
 * the events and the answers to the calls that named the stream (POST /api/invoke/:channel?stream=&call=),
 * in the order main produced them. Electron's IPC keeps that order by itself.
 */
export type StreamFrame =
  | { stream: string }
  | { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName]
  | { answer: number; result: Result<unknown> };
