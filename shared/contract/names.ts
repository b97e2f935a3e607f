/**
 * The contract's names and the few constants the renderer and the preload need at run time, with
 * no zod: the preload (sandboxed, bundled into one file) and the renderer's start path import this
 * module only. shared/contract/index.ts builds its zod schemas over these lists (one source; a
 * unit test checks that the names equal the contract's keys).
 */

/** Every IPC channel the renderer may call (the keys of `channels` in ./index.ts), each `domain.verbNoun` (docs/ipc-channels.md). */
export const CHANNEL_NAMES = [
  'app.getStartState',
  'app.getInfo',
  'settings.getSettings',
  'settings.updateSettings',
  'app.getDiagnostics',
  'app.getUpdateState',
  'app.restartToUpdate',
  'app.takeDeepLinks',
  'vault.listAccounts',
  'vault.listCodes',
  'vault.addAccount',
  'vault.renameAccount',
  'vault.pinAccount',
  'vault.reorderAccounts',
  'vault.deleteAccount',
  'lock.getState',
  'lock.unlockWithPassword',
  'lock.unlockWithTouchId',
  'lock.lockApp',
  'lock.setPassword',
  'lock.disableLock',
  'lock.setOptions',
  'lock.reportActivity',
  'clock.checkSkew',
  'vault.copyCode',
  'vault.advanceHotpCounter',
  'vault.previewImport',
  'vault.applyImport',
  'vault.discardImport',
  'backup.exportVault',
  'backup.exportPlainList',
  'backup.getAutoBackup',
  'backup.setAutoBackup',
  'backup.disableAutoBackup',
  'vault.editAccount',
  'vault.setAccountGroups',
  'vault.showTransferQr',
  'session.getState',
  'session.setServer',
  'session.signInLegacy',
  'session.discoverAccount',
  'session.restartSignIn',
  'session.submitPassword',
  'session.startSso',
  'session.completeSso',
  'recovery.checkHuman',
  'recovery.sendLink',
  'recovery.getResetInfo',
  'recovery.completeReset',
  'session.completeMagicLink',
  'session.chooseMfa',
  'session.verifyMfa',
  'setup.postponeSetup',
  'setup.beginSetup',
  'setup.goToStep',
  'setup.cancelSetup',
  'setup.confirmTotp',
  'setup.registerPushDevice',
  'setup.answerPushConsent',
  'setup.sendSms',
  'setup.confirmSms',
  'setup.finishSetup',
  'session.acknowledgeEmergencyCode',
  'session.signOut',
  'push.listPending',
  'push.answerRequest',
  'prep.getState',
  'prep.snoozeBanner',
  'prep.sendCode',
  'prep.verifyCode',
  'mailbox.listMessages',
  'admin.getCompany',
  'admin.updateCompany',
  'admin.listUsers',
  'admin.resendVerification',
  'admin.removeConnection',
  'account.getOverview',
  'account.removeFactor',
  'scan.scanScreens',
  'scan.scanImage',
  'scan.captureScreen',
  'scan.scanRegion',
  'scan.discardCapture',
] as const;

/** Every event main pushes to the renderer (the keys of `events` in ./index.ts): `domain.changed` or `domain.nounVerbed`. */
export const EVENT_NAMES = [
  'vault.changed',
  'app.deepLinkReceived',
  'app.navigationRequested',
  'app.updateChanged',
  'session.changed',
  'push.requestReceived',
  'push.requestResolved',
  'mailbox.changed',
  'lock.changed',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export const isChannelName = (name: unknown): name is ChannelName => typeof name === 'string' && channelSet.has(name);
export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && eventSet.has(name);

/** IPC channel names are prefixed so they can never collide with Electron's own. */
export const IPC_PREFIX = 'flex:';
export const EVENT_IPC_CHANNEL = 'flex:event';

export const LOCALES = ['sv', 'en'] as const;
/** A new install's settings (and each field's fallback when a stored one no longer fits): main's and the renderer's start value. */
export const DEFAULT_SETTINGS = { language: 'system', clearClipboard: true, closeToTray: true, startAtLogin: false } as const satisfies {
  language: 'system' | (typeof LOCALES)[number];
  clearClipboard: boolean;
  closeToTray: boolean;
  startAtLogin: boolean;
};
export const OTP_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export const OTP_DIGITS = [6, 7, 8] as const;
/** How long an emailed code is valid (the Get Started with Visma Connect guide: "The code is valid for 30 minutes."). */
export const PREP_CODE_VALID_MINUTES = 30;
/** A screenshot PNG of two 4K monitors is ~15 MB at worst; a photo of a QR code far less. */
export const MAX_SCAN_IMAGE_BYTES = 25 * 1024 * 1024;
/**
 * The longest text an authenticator account's fields may hold (characters): the contract refuses
 * longer, the form stops there and says so, and main's otpauth readers check the URI again.
 */
export const ACCOUNT_TEXT_LIMITS = { issuer: 200, label: 200, secret: 1024, uri: 8192 } as const;
