/**
 * Naming (issue 15, docs/ipc-channels.md): every request channel is `domain.verbNoun`, exactly
 * two segments, the domain one lower-case word, then a verb in lower case and what it acts on in
 * capitalised words (`vault.listAccounts`, `recovery.sendLink`, `lock.unlockWithTouchId`). Events
 * are `domain.changed` or `domain.nounVerbed` (`vault.changed`, `push.requestReceived`). Error
 * codes (`keychain.locked`) are not channels. tests/unit/contract/channel-naming.test.ts enforces it.
 */
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
  ListCodesRequestSchema,
  ListCodesResponseSchema,
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
 * the app's code has loaded, and hands each part to the first `session.getState`, `app.getInfo` and
 * `settings.getSettings` call (renderer/src/main.ts), so the start costs one round trip, not three.
 */
export const StartStateSchema = z.object({ session: SessionViewSchema, info: AppInfoSchema, settings: SettingsSchema });

export const channels = {
  'app.getStartState': channel(Empty, StartStateSchema),
  'app.getInfo': channel(Empty, AppInfoSchema),
  'settings.getSettings': channel(Empty, SettingsSchema),
  'settings.updateSettings': channel(SettingsUpdateSchema, SettingsSchema),
  // The desktop shell (electron/main): Settings > About, updates, deep links that came before the page.
  'app.getDiagnostics': channel(Empty, DiagnosticsSchema),
  'app.getUpdateState': channel(Empty, UpdateStateSchema),
  /** Quits and installs a downloaded update; refused (update.busy) while a push approval or a scan is open. */
  'app.restartToUpdate': channel(Empty, Done),
  /** The deep links main received before the page subscribed (cold start), handed over once. */
  'app.takeDeepLinks': channel(Empty, PendingDeepLinksSchema),

  'vault.listAccounts': channel(Empty, VaultListResponseSchema),
  /** The codes only of the accounts named (the cards on screen): what a period boundary fetches. */
  'vault.listCodes': channel(ListCodesRequestSchema, ListCodesResponseSchema),
  'vault.addAccount': channel(AddAccountRequestSchema, z.object({ account: AccountViewSchema })),
  'vault.renameAccount': channel(z.object({ id: AccountIdSchema, issuer: z.string().max(200), label: z.string().max(200) }).strict(), Done),
  'vault.pinAccount': channel(z.object({ id: AccountIdSchema, pinned: z.boolean() }).strict(), Done),
  'vault.reorderAccounts': channel(z.object({ ids: z.array(AccountIdSchema).max(100_000) }).strict(), Done),
  'vault.deleteAccount': channel(z.object({ id: AccountIdSchema }).strict(), Done),

  // The app lock (shared/contract/lock.ts): while locked, main produces no code.
  'lock.getState': channel(Empty, LockViewSchema),
  'lock.unlockWithPassword': channel(lockRequests.unlock, LockViewSchema),
  'lock.unlockWithTouchId': channel(Empty, LockViewSchema),
  'lock.lockApp': channel(Empty, LockViewSchema),
  'lock.setPassword': channel(lockRequests.setPassword, LockViewSchema),
  'lock.disableLock': channel(lockRequests.disable, LockViewSchema),
  'lock.setOptions': channel(lockRequests.options, LockViewSchema),
  /** The user did something in the window (sent at most every few seconds): idle time restarts. */
  'lock.reportActivity': channel(Empty, Done),
  /** The identity server's clock against this computer's. */
  'clock.checkSkew': channel(Empty, ClockCheckSchema),
  /** Copies the account's current code (see CopyCodeResponseSchema for who writes the clipboard). */
  'vault.copyCode': channel(z.object({ id: AccountIdSchema }).strict(), CopyCodeResponseSchema),
  /** HOTP: moves the counter on (saved in app.db) and answers with the account's new code. */
  'vault.advanceHotpCounter': channel(z.object({ id: AccountIdSchema }).strict(), z.object({ account: AccountViewSchema })),
  // Import (another app's export) and restore (this app's encrypted backup): a preview first, then apply.
  'vault.previewImport': channel(ImportPreviewRequestSchema, ImportPreviewSchema),
  'vault.applyImport': channel(PreviewIdRequestSchema, ImportOutcomeSchema),
  'vault.discardImport': channel(PreviewIdRequestSchema, Done),
  // Encrypted backup, the plain otpauth:// list (written by main), automatic backups to a folder.
  'backup.exportVault': channel(BackupExportRequestSchema, BackupExportSchema),
  'backup.exportPlainList': channel(PlainExportRequestSchema, PlainExportSchema),
  'backup.getAutoBackup': channel(Empty, AutoBackupStatusSchema),
  'backup.setAutoBackup': channel(AutoBackupSetRequestSchema, AutoBackupStatusSchema),
  'backup.disableAutoBackup': channel(Empty, AutoBackupStatusSchema),
  /** Edits an account (issue 12): names, and after a confirmation its secret and code settings. */
  'vault.editAccount': channel(EditAccountRequestSchema, z.object({ account: AccountViewSchema })),
  /** Files an account under groups (replaces its list). */
  'vault.setAccountGroups': channel(SetGroupsRequestSchema, Done),
  /** "Transfer out": accounts as QR pictures for a phone, after the user confirmed (see TransferQrRequestSchema). */
  'vault.showTransferQr': channel(TransferQrRequestSchema, TransferQrSchema),

  // HRM / Connect sign-in (shared/contract/session.ts). Tokens never cross: view models only.
  'session.getState': channel(Empty, SessionViewSchema),
  'session.setServer': channel(SReq.serverSet, SessionViewSchema),
  'session.signInLegacy': channel(SReq.legacySignIn, SessionViewSchema),
  'session.discoverAccount': channel(SReq.discover, SessionViewSchema),
  'session.restartSignIn': channel(Empty, SessionViewSchema),
  'session.submitPassword': channel(SReq.password, SessionViewSchema),
  'session.startSso': channel(Empty, SessionViewSchema),
  'session.completeSso': channel(SReq.ssoComplete, SessionViewSchema),
  // Forgot password: the human check, the emailed link, the new password.
  'recovery.checkHuman': channel(Empty, SRes.humanCheck),
  'recovery.sendLink': channel(SReq.forgotSend, Done),
  'recovery.getResetInfo': channel(SReq.linkToken, SRes.resetInfo),
  'recovery.completeReset': channel(SReq.resetComplete, Done),
  'session.completeMagicLink': channel(SReq.linkToken, SessionViewSchema),
  'session.chooseMfa': channel(SReq.mfaChoose, SessionViewSchema),
  'session.verifyMfa': channel(SReq.mfaVerify, SRes.mfaVerified),
  /** "Remind me later": the signed-in user puts off the 2FA set-up offer. */
  'setup.postponeSetup': channel(Empty, SessionViewSchema),
  // The 2FA set-up flow (SetupFlowViewSchema): every call answers with the view that carries it.
  'setup.beginSetup': channel(SReq.setupBegin, SessionViewSchema),
  'setup.goToStep': channel(SReq.setupGo, SessionViewSchema),
  'setup.cancelSetup': channel(Empty, SessionViewSchema),
  'setup.confirmTotp': channel(SReq.code, SessionViewSchema),
  'setup.registerPushDevice': channel(Empty, SessionViewSchema),
  'setup.answerPushConsent': channel(SReq.consent, SessionViewSchema),
  'setup.sendSms': channel(SReq.phone, SessionViewSchema),
  'setup.confirmSms': channel(SReq.code, SessionViewSchema),
  'setup.finishSetup': channel(SReq.finish, SessionViewSchema),
  /** The sign-in's replacement emergency code is stored: main forgets it. */
  'session.acknowledgeEmergencyCode': channel(Empty, SessionViewSchema),
  'session.signOut': channel(Empty, SessionViewSchema),

  // This app's authenticator as a Connect push device.
  'push.listPending': channel(Empty, PushPendingSchema),
  'push.answerRequest': channel(PushRespondSchema, Done),

  // Account preparation for Visma Connect (the Get Started with Visma Connect guide; shared/contract/preparation.ts): the banner,
  // email verification with a code, the link. Needs an HRM session; its token stays in main.
  'prep.getState': channel(Empty, PrepViewSchema),
  'prep.snoozeBanner': channel(Empty, PrepViewSchema),
  'prep.sendCode': channel(prepRequests.sendCode, PrepSendResultSchema),
  'prep.verifyCode': channel(prepRequests.verify, PrepLinkedSchema),

  // The embedded identity mock's outbox (shared/contract/mailbox.ts).
  'mailbox.listMessages': channel(MailboxListRequestSchema, MailboxListResponseSchema),

  // HRM administration (HRM admin session) and the Connect account page (Connect session), see
  // shared/contract/admin.ts. Main holds both tokens; the renderer gets view models.
  'admin.getCompany': channel(Empty, Admin.AdminCompanySchema),
  'admin.updateCompany': channel(Admin.AdminCompanyUpdateSchema, Admin.AdminCompanySchema),
  'admin.listUsers': channel(Empty, Admin.AdminUsersSchema),
  'admin.resendVerification': channel(Admin.AdminUserRequestSchema, Admin.AdminResendResultSchema),
  'admin.removeConnection': channel(Admin.AdminUserRequestSchema, Admin.AdminUsersSchema),
  'account.getOverview': channel(Empty, Admin.AccountOverviewViewSchema),
  'account.removeFactor': channel(Admin.AccountFactorRequestSchema, Admin.AccountOverviewViewSchema),
  // QR codes into the authenticator (shared/contract/scan.ts): outcomes per account, never a secret.
  'scan.scanScreens': channel(Empty, ScanResultSchema),
  'scan.scanImage': channel(scanRequests.image, ScanResultSchema),
  'scan.captureScreen': channel(Empty, ScreenCaptureSchema),
  'scan.scanRegion': channel(scanRequests.region, ScanResultSchema),
  'scan.discardCapture': channel(scanRequests.discard, Done),
} as const satisfies Record<ChannelNameList, { request: z.ZodType; response: z.ZodType }>;

/** Events main pushes to the renderer. */
export const events = {
  'vault.changed': z.object({}),
  /** A deep link (flexconnect://...) the OS handed to the app, already checked against the allowlist. */
  'app.deepLinkReceived': DeepLinkSchema,
  /** Main sends the page to one of its views (a notification or the tray menu was clicked). */
  'app.navigationRequested': NavigateSchema,
  /** The desktop updater's state changed (e.g. an update is ready to install). */
  'app.updateChanged': UpdateStateSchema,
  /** The sign-in state changed in main (push approved/denied, session ended). */
  'session.changed': SessionViewSchema,
  /** A push sign-in request arrived for this app's authenticator. */
  'push.requestReceived': z.object({ id: z.string() }),
  /** A push request left the list without an answer from this window: it expired, or was answered elsewhere. */
  'push.requestResolved': PushResolvedSchema,
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
