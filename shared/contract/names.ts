/**
 * The contract's names and the few constants the renderer and the preload need at run time, with
 * no zod: the preload (sandboxed, bundled into one file) and the renderer's start path import this
 * module only. shared/contract/index.ts builds its zod schemas over these lists (one source; a
 * unit test checks that the names equal the contract's keys).
 */

/** Every IPC channel the renderer may call (the keys of `channels` in ./index.ts). */
export const CHANNEL_NAMES = [
  'app.getStartState',
  'app.info',
  'settings.get',
  'settings.update',
  'app.diagnostics',
  'app.update.state',
  'app.update.restart',
  'app.deepLinks.take',
  'vault.list',
  'vault.add',
  'vault.rename',
  'vault.pin',
  'vault.reorder',
  'vault.delete',
  'lock.state',
  'lock.unlock',
  'lock.unlockTouchId',
  'lock.lockNow',
  'lock.setPassword',
  'lock.disable',
  'lock.options',
  'lock.activity',
  'clock.check',
  'vault.copy',
  'vault.hotpNext',
  'vault.import.preview',
  'vault.import.apply',
  'vault.import.discard',
  'backup.export',
  'backup.exportPlain',
  'backup.auto.get',
  'backup.auto.set',
  'backup.auto.off',
  'vault.edit',
  'vault.groups',
  'vault.transferQr',
  'session.get',
  'session.server.set',
  'session.legacy.signIn',
  'session.discover',
  'session.restart',
  'session.password',
  'session.sso.start',
  'session.sso.complete',
  'session.forgot.humanCheck',
  'session.forgot.send',
  'session.reset.info',
  'session.reset.complete',
  'session.magic.complete',
  'session.mfa.choose',
  'session.mfa.verify',
  'session.setup.later',
  'session.setup.begin',
  'session.setup.go',
  'session.setup.cancel',
  'session.setup.totpConfirm',
  'session.setup.pushLocal',
  'session.setup.pushConsent',
  'session.setup.smsSend',
  'session.setup.smsConfirm',
  'session.setup.finish',
  'session.emergency.stored',
  'session.signOut',
  'push.pending',
  'push.respond',
  'prep.state',
  'prep.snooze',
  'prep.sendCode',
  'prep.verify',
  'mailbox.list',
  'admin.company',
  'admin.companyUpdate',
  'admin.users',
  'admin.resend',
  'admin.removeConnection',
  'account.overview',
  'account.removeFactor',
  'scan.screens',
  'scan.image',
  'scan.capture',
  'scan.region',
  'scan.discard',
] as const;

/** Every event main pushes to the renderer (the keys of `events` in ./index.ts). */
export const EVENT_NAMES = [
  'vault.changed',
  'deep-link',
  'app.navigate',
  'app.update',
  'session.changed',
  'push.request',
  'push.resolved',
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
