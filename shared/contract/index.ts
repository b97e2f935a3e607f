import { z } from 'zod';
import { AppInfoSchema, SettingsSchema, SettingsUpdateSchema } from './app';
import {
  AccountIdSchema,
  AccountViewSchema,
  AddAccountRequestSchema,
  VaultListResponseSchema,
} from './vault';

export * from './app';
export * from './vault';

/**
 * The one IPC contract (Mullvad's ipc-schema idea plus run-time validation): every channel the
 * renderer may call, with a zod schema for the request and for the response. Main validates
 * every request before a handler runs and parses every response on the way out. The preload,
 * the browser-host transport and the renderer client are all derived from this object.
 */
const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });
const Empty = z.object({}).strict();
const Done = z.object({ done: z.literal(true) });

export const channels = {
  'app.info': channel(Empty, AppInfoSchema),
  'settings.get': channel(Empty, SettingsSchema),
  'settings.update': channel(SettingsUpdateSchema, SettingsSchema),

  'vault.list': channel(Empty, VaultListResponseSchema),
  'vault.add': channel(AddAccountRequestSchema, z.object({ account: AccountViewSchema })),
  'vault.rename': channel(
    z.object({ id: AccountIdSchema, issuer: z.string().max(200), label: z.string().max(200) }).strict(),
    Done,
  ),
  'vault.pin': channel(z.object({ id: AccountIdSchema, pinned: z.boolean() }).strict(), Done),
  'vault.reorder': channel(z.object({ ids: z.array(AccountIdSchema).max(100_000) }).strict(), Done),
  'vault.delete': channel(z.object({ id: AccountIdSchema }).strict(), Done),
} as const;

/** Events main pushes to the renderer. */
export const events = {
  'vault.changed': z.object({}),
  /** A deep link (flexconnect://...) the OS handed to the app, already checked against the allowlist. */
  'deep-link': z.object({ path: z.string(), query: z.record(z.string(), z.string()) }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Request<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequest<C extends ChannelName> = z.output<Channels[C]['request']>;
export type Response<C extends ChannelName> = z.output<Channels[C]['response']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

/** IPC channel names are prefixed so they can never collide with Electron's own. */
export const IPC_PREFIX = 'flex:';
export const EVENT_IPC_CHANNEL = 'flex:event';
