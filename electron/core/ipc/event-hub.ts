import { events, type EventName, type EventPayload } from '@shared/contract';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** How many events main keeps for a renderer that is not listening yet; the oldest go first. */
export const EVENT_BACKLOG_LIMIT = 256;

type Held = { [E in EventName]: [E, EventPayload<E>] }[EventName];

/**
 * Events from core services to main's own observers (`subscribe`: notifications) and to the
 * renderers' transports (`attach`: a window's IPC, a browser-host page's stream).
 *
 * An event emitted while no renderer is attached (main restored the session or a push request
 * arrived before the page loaded, or while it reloads) is kept and handed, in order, to the next
 * renderer that attaches, so the contract's events are never lost between start and subscribe.
 */
export class EventHub {
  private readonly observers = new Set<EventListener>();
  private readonly outlets = new Set<EventListener>();
  private backlog: Held[] = [];

  /** Main's own listeners: every event from now on, nothing held for them. */
  subscribe(listener: EventListener): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  /** A renderer's transport: first what was held while none was attached, then every event. */
  attach(outlet: EventListener): () => void {
    const held = this.backlog;
    this.backlog = [];
    this.outlets.add(outlet);
    for (const [event, payload] of held) outlet(event, payload);
    return () => this.outlets.delete(outlet);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = events[event].parse(payload) as EventPayload<E>;
    for (const l of this.observers) l(event, checked);
    if (this.outlets.size === 0) {
      this.backlog.push([event, checked] as Held);
      if (this.backlog.length > EVENT_BACKLOG_LIMIT) this.backlog.shift();
      return;
    }
    for (const l of this.outlets) l(event, checked);
  }
}
