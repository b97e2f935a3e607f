import type { Language, OutboxMessage } from '@shared/identity-api';
import { DEEP_LINK_SCHEME, type DeepLinkAction } from '@shared/deep-links';
import type { MockContext } from '../context';
import type { Rendered } from '../emails/templates';
import { randomId } from './crypto';

/**
 * The mock's mail and SMS "gateway": every message is stored and never leaves the machine.
 * Links are the app's deep links plus an http form for the browser host.
 */
export interface LinkSpec {
  action: DeepLinkAction;
  token: string;
}

export function deliver(
  ctx: MockContext,
  channel: 'email' | 'sms',
  recipient: string,
  language: Language,
  msg: Rendered,
  link?: LinkSpec,
): OutboxMessage {
  const links = link
    ? [
        {
          action: link.action,
          url: `${DEEP_LINK_SCHEME}://${link.action}?token=${encodeURIComponent(link.token)}`,
          httpUrl: `${ctx.publicUrl}/open/${link.action}?token=${encodeURIComponent(link.token)}`,
          label: msg.linkLabel ?? link.action,
        },
      ]
    : [];
  const message: OutboxMessage = {
    id: randomId(),
    channel,
    template: msg.template,
    recipient,
    language,
    subject: msg.subject,
    // The text's link is for "copy and paste it into your browser": the http one, which opens the app.
    text: msg.text.replace('{link}', links[0]?.httpUrl ?? ''),
    links,
    createdAt: ctx.clock.now(),
  };
  const { seq } = ctx.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM outbox').get() as { seq: number };
  ctx.db
    .prepare('INSERT INTO outbox (id, seq, channel, template, recipient, language, subject, text, links, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(message.id, seq, channel, message.template, recipient, language, message.subject, message.text, JSON.stringify(links), message.createdAt);
  return message;
}

interface Row {
  id: string;
  channel: 'email' | 'sms';
  template: string;
  recipient: string;
  language: Language;
  subject: string;
  text: string;
  links: string;
  created_at: number;
}

/** Newest first; `recipient` matches case-insensitively. */
export function listOutbox(ctx: MockContext, recipient?: string): OutboxMessage[] {
  const rows = ctx.db
    .prepare('SELECT * FROM outbox WHERE (@r IS NULL OR recipient = @r COLLATE NOCASE) ORDER BY seq DESC LIMIT 500')
    .all({ r: recipient?.trim() ?? null }) as Row[];
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    template: r.template,
    recipient: r.recipient,
    language: r.language,
    subject: r.subject,
    text: r.text,
    links: JSON.parse(r.links) as OutboxMessage['links'],
    createdAt: r.created_at,
  }));
}
