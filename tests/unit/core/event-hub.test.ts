import { describe, expect, it } from 'vitest';
import { EVENT_BACKLOG_LIMIT, EventHub } from '../../../electron/core/ipc/event-hub';

describe('EventHub', () => {
  it('holds the events emitted before a renderer attaches and hands them over in order', () => {
    const hub = new EventHub();
    const observed: string[] = [];
    hub.subscribe((e) => observed.push(e));
    hub.emit('vault.changed', {});
    hub.emit('mailbox.changed', {});
    const seen: string[] = [];
    const detach = hub.attach((e) => seen.push(e));
    expect(seen).toEqual(['vault.changed', 'mailbox.changed']);
    // Main's own observers got them as they happened, not twice.
    expect(observed).toEqual(['vault.changed', 'mailbox.changed']);
    hub.emit('vault.changed', {});
    expect(seen).toEqual(['vault.changed', 'mailbox.changed', 'vault.changed']);

    // A reload: nothing attached for a moment; what happens meanwhile waits for the new page.
    detach();
    hub.emit('mailbox.changed', {});
    const again: string[] = [];
    hub.attach((e) => again.push(e));
    expect(again).toEqual(['mailbox.changed']);
    expect(seen).toHaveLength(3);
  });

  it('keeps at most the newest EVENT_BACKLOG_LIMIT events', () => {
    const hub = new EventHub();
    for (let i = 0; i < EVENT_BACKLOG_LIMIT + 5; i++) hub.emit('push.requestReceived', { id: `r${i}` });
    const seen: unknown[] = [];
    hub.attach((_e, p) => seen.push(p));
    expect(seen).toHaveLength(EVENT_BACKLOG_LIMIT);
    expect(seen[0]).toEqual({ id: 'r5' });
  });
});
