import { describe, expect, it } from 'vitest';
import { channels, events } from '@shared/contract';
import { CHANNEL_NAMES, EVENT_NAMES } from '@shared/contract/names';

/**
 * Issue 15's naming rule for the IPC contract (docs/ipc-channels.md):
 * - a request channel is `domain.verbNoun`: two segments, the domain one lower-case word, then a
 *   verb from VERBS followed by at least one capitalised word (acronyms as words: `Qr`, `Mfa`);
 * - an event is `domain.changed` (the domain's state changed) or `domain.nounVerbed` (something
 *   happened: a noun, then a past participle ending in -ed).
 * A new verb is added here and in docs/ipc-channels.md, on purpose.
 */
const VERBS = new Set([
  'acknowledge',
  'add',
  'advance',
  'answer',
  'apply',
  'begin',
  'cancel',
  'capture',
  'check',
  'choose',
  'complete',
  'confirm',
  'copy',
  'delete',
  'disable',
  'discard',
  'discover',
  'edit',
  'export',
  'finish',
  'get',
  'go',
  'list',
  'lock',
  'pin',
  'postpone',
  'preview',
  'register',
  'remove',
  'rename',
  'reorder',
  'report',
  'resend',
  'restart',
  'scan',
  'send',
  'set',
  'show',
  'sign',
  'snooze',
  'start',
  'submit',
  'take',
  'unlock',
  'update',
  'verify',
]);

const CHANNEL_SHAPE = /^([a-z]+)\.([a-z]+)((?:[A-Z][a-z0-9]+)+)$/;
const EVENT_SHAPE = /^[a-z]+\.(?:changed|[a-z]+(?:[A-Z][a-z0-9]+)*[A-Z][a-z]*ed)$/;

/** Why a name breaks the channel rule, or null when it follows it. */
function channelNameProblem(name: string): string | null {
  const m = CHANNEL_SHAPE.exec(name);
  if (!m) return `${name}: not domain.verbNoun`;
  return VERBS.has(m[2]!) ? null : `${name}: "${m[2]!}" is not a verb of the list`;
}

const eventNameProblem = (name: string): string | null =>
  EVENT_SHAPE.test(name) ? null : `${name}: not domain.changed or domain.nounVerbed`;

describe('channel naming rule (issue 15)', () => {
  it.each([
    'vault.list',
    'vault.import.preview',
    'session.setup.begin',
    'app.update.restart',
    'push.respond',
    'backup.auto.get',
    'vault.hotpNext',
    'lock.options',
    'Vault.listAccounts',
    'vault.ListAccounts',
    'vault.list_accounts',
    'vault.list-accounts',
    'vault.listQR',
    'app.getInfo.now',
    'listAccounts',
  ])('refuses %s', (name) => {
    expect(channelNameProblem(name)).not.toBeNull();
  });

  it.each([
    'vault.listAccounts',
    'vault.showTransferQr',
    'session.signInLegacy',
    'app.getStartState',
    'vault.listCodes',
    'lock.unlockWithTouchId',
  ])('accepts %s', (name) => {
    expect(channelNameProblem(name)).toBeNull();
  });

  it('holds for every request channel of the contract', () => {
    const names = Object.keys(channels);
    expect(names.length).toBeGreaterThan(0);
    expect(names.map(channelNameProblem).filter((p) => p !== null)).toEqual([]);
    expect(CHANNEL_NAMES.map(channelNameProblem).filter((p) => p !== null)).toEqual([]);
  });

  it.each([
    'deep-link',
    'app.navigate',
    'app.update',
    'push.request',
    'push.resolved',
    'vault.change',
    'vault.accountAdd',
    'vault.updated.now',
  ])('refuses the event name %s', (name) => {
    expect(eventNameProblem(name)).not.toBeNull();
  });

  it('holds for every event of the contract, and no event shares a channel name', () => {
    const names = Object.keys(events);
    expect(names.length).toBeGreaterThan(0);
    expect(names.map(eventNameProblem).filter((p) => p !== null)).toEqual([]);
    expect(EVENT_NAMES.map(eventNameProblem).filter((p) => p !== null)).toEqual([]);
    const channelSet = new Set<string>(CHANNEL_NAMES);
    expect(EVENT_NAMES.filter((e) => channelSet.has(e))).toEqual([]);
  });
});
